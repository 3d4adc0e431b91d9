/** The projector: one table's current station in large type, cards appearing live. Read-only. */
export default function Projector(): import("react").JSX.Element;
