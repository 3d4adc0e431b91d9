/** Every event of this installation, for whoever holds the admin link the server printed. */
export default function Admin(): import("react").JSX.Element;
