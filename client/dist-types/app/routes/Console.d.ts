/** The facilitator's console for one event: join code and QR, projector links, tables with presence. */
export default function Console(): import("react").JSX.Element;
