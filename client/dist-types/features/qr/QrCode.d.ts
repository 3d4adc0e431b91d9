/** A QR code for a URL, drawn as an image (dark on light, for cameras in dim halls). */
export declare function QrCode({ url, label, size }: {
    url: string;
    label: string;
    size?: number;
}): import("react").JSX.Element;
