/** A card's or section's title as a level-2 heading at the cards' size (screen readers list it; antd's title is a div). */
export const h2 = (text: string) => <h2 style={{ fontSize: 16, margin: 0 }}>{text}</h2>;
