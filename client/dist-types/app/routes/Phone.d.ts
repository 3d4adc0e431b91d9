/** The participant's phone: join with the code, pick a table, add cards. */
export default function Phone(): import("react").JSX.Element;
