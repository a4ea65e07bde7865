/** The warning's look, inside its shadow root where page CSS cannot reach. Colour is never the only signal: each
 *  level also has its own word and mark. */
export const WARNING_CSS = `
:host { all: initial; }
.card {
  box-sizing: border-box; width: min(380px, calc(100vw - 32px)); padding: 14px 16px 12px;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d1b20;
  background: #ffffff; border: 1px solid #c9c5cf; border-left: 6px solid var(--accent); border-radius: 10px;
  box-shadow: 0 6px 24px rgba(0, 0, 0, 0.18);
}
.card[data-level="low"] { --accent: #2e7d32; --tint: #e8f5e9; --ink: #1b5e20; }
.card[data-level="medium"] { --accent: #b26a00; --tint: #fff3e0; --ink: #7a4300; }
.card[data-level="high"] { --accent: #c62828; --tint: #fdecea; --ink: #a31515; }
.card[data-level="very-high"] { --accent: #7b1fa2; --tint: #f6e8fa; --ink: #6a1b9a; }
.head { display: flex; align-items: flex-start; gap: 10px; }
.mark {
  flex: none; width: 26px; height: 26px; border-radius: 50%; display: grid; place-items: center;
  background: var(--tint); color: var(--ink); font-weight: 700; font-size: 13px; border: 2px solid var(--accent);
}
.text { flex: 1; min-width: 0; }
.title { margin: 0; font-weight: 600; font-size: 15px; }
.title strong { color: var(--ink); }
.site { font-weight: 400; color: #49454f; }
.reason { margin: 4px 0 0; color: #322f37; }
.found { margin: 4px 0 0; color: #322f37; font-size: 13px; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 10px; padding-left: 36px; }
button {
  font: inherit; font-size: 13px; cursor: pointer; border-radius: 6px; padding: 5px 12px;
  border: 1px solid #79747e; background: #ffffff; color: #1d1b20;
}
button.primary { background: var(--ink); border-color: var(--ink); color: #ffffff; }
button.close {
  flex: none; width: 28px; height: 28px; padding: 0; border: none; background: transparent; font-size: 20px;
  line-height: 1; color: #49454f;
}
button:hover { filter: brightness(0.95); }
button:focus-visible { outline: 3px solid #1a73e8; outline-offset: 2px; }
@media (prefers-color-scheme: dark) {
  .card { background: #1f1e23; color: #e6e1e5; border-color: #49454f; }
  .card[data-level="low"] { --tint: #14321a; --ink: #8fd694; }
  .card[data-level="medium"] { --tint: #3a2a0c; --ink: #ffc46b; }
  .card[data-level="high"] { --tint: #3d1414; --ink: #ff9d97; }
  .card[data-level="very-high"] { --tint: #32163a; --ink: #e3a6f5; }
  .site, button.close { color: #cac4d0; }
  .reason, .found { color: #e6e1e5; }
  button { background: #2b2930; color: #e6e1e5; border-color: #938f99; }
  button.primary { color: #1d1b20; }
  button:focus-visible { outline-color: #8ab4f8; }
}
@media (prefers-reduced-motion: no-preference) {
  .card { animation: arrive 180ms ease-out; }
  .card.updated { animation: none; }
  @keyframes arrive { from { opacity: 0; transform: translateY(8px); } to { opacity: 1; transform: none; } }
}
`;
