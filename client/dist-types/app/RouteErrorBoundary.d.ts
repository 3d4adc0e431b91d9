import { Component, type ReactNode } from 'react';
/** Each route has its own boundary, so a projector bug never blanks the phones. */
export declare class RouteErrorBoundary extends Component<{
    children: ReactNode;
}, {
    failed: boolean;
}> {
    state: {
        failed: boolean;
    };
    static getDerivedStateFromError(): {
        failed: boolean;
    };
    componentDidCatch(error: unknown): void;
    render(): ReactNode;
}
