/** Start page: participants type their code; facilitators create an event. */
export default function Landing(): import("react").JSX.Element;
