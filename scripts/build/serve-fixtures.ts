/** Serves the upload test bench for trying the extension by hand: `npm run serve:fixtures`. */
import { startFixtureServers } from '../../e2e/support/server';

const servers = await startFixtureServers();
console.log(`Upload test bench: http://localhost:${servers.httpPort}/upload.html (Ctrl+C to stop)`);
