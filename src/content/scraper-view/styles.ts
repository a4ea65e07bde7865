/** The panel's look, in the warning's shadow root beside the card's styles (src/content/warning/styles.ts). It
 *  overlays the page from the top right, scrolls on its own, and fits a phone's width. */
export const PANEL_CSS = `
.see {
  position: fixed; top: 16px; right: 16px; box-sizing: border-box; width: min(680px, calc(100vw - 32px));
  max-height: calc(100vh - 32px); overflow: auto; padding: 14px 18px 16px;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d1b20;
  background: #ffffff; border: 1px solid #c9c5cf; border-radius: 10px; box-shadow: 0 10px 36px rgba(0, 0, 0, 0.28);
  --ink: #1d1b20; z-index: 1;
}
.see-head { display: flex; align-items: center; justify-content: space-between; gap: 8px; }
.see h2 { margin: 0; font-size: 18px; }
.see h2:focus { outline: none; }
.see h2:focus-visible { outline: 3px solid #1a73e8; outline-offset: 2px; }
.see h3 { margin: 14px 0 6px; font-size: 15px; }
.see .intro { margin: 4px 0 10px; color: #49454f; }
.see-nav { display: flex; align-items: center; gap: 10px; margin-bottom: 10px; }
.see-pictures { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 14px; align-items: start; }
@media (max-width: 560px) { .see-pictures { grid-template-columns: minmax(0, 1fr); } }
.see figure { margin: 0; }
.see figcaption { margin-top: 6px; font-size: 13px; }
.see .use { display: block; color: #49454f; font-size: 12.5px; }
.see-place h3 { margin-top: 0; }
.frame { position: relative; width: 100%; max-height: 320px; }
.frame canvas { display: block; width: 100%; height: 100%; border-radius: 6px; }
.frame svg.faces { position: absolute; inset: 0; width: 100%; height: 100%; }
.face { fill: none; stroke: #ffd600; stroke-width: 3px; vector-effect: non-scaling-stroke; }
svg.map { display: block; width: 100%; height: auto; border-radius: 6px; }
.sea { fill: #dbe9f6; }
.land { fill: #b9c4b0; stroke: #8d9a84; stroke-width: 0.3; }
.ring { fill: none; stroke: #c62828; stroke-width: 1.5; }
.dot { fill: #c62828; stroke: #ffffff; stroke-width: 1; }
.see-group { border-top: 1px solid #e0dce4; padding: 6px 0 10px; }
.see dl { margin: 0; }
.see-row { display: grid; grid-template-columns: 150px minmax(0, 1fr); gap: 10px; padding: 5px 0; }
.see dt { font-weight: 600; }
.see dd { margin: 0; overflow-wrap: anywhere; }
.see-group button { margin-top: 6px; }
@media (prefers-color-scheme: dark) {
  .see { background: #1f1e23; color: #e6e1e5; border-color: #49454f; }
  .see .intro, .see .use { color: #cac4d0; }
  .see button.primary { background: #e6e1e5; border-color: #e6e1e5; color: #1d1b20; }
  .see-group { border-color: #49454f; }
  .sea { fill: #1c2b3a; }
  .land { fill: #4d5a47; stroke: #6f7d68; }
  .ring { stroke: #ff8a80; }
  .dot { fill: #ff8a80; stroke: #1f1e23; }
}
`;
