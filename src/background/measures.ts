/** Names of the performance measures the worker keeps for itself, read by `npm run bench` over DevTools. They stay
 *  inside the worker: nothing reports them anywhere. */

/** Parsing and compiling the bundled rules, each time the browser starts the worker. */
export const RULES_LOADED_MEASURE = 'afterlife:bundled-rules-loaded';
