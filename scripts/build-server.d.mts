// Types for scripts/build-server.mjs (plain JavaScript so that `npx akkoord` and `npm start` need no transpiler).

/** Where the built server lives: `main.js` (what `npm start` runs) and `cli.js` (what `npx akkoord` runs). */
export declare const SERVER_BUILD_DIR: string;

/** Builds dist-server/ and records which sources went in. */
export declare function buildServer(): Promise<void>;

/** True when dist-server/ exists and was built from exactly the sources on disk now. */
export declare function isServerBuildCurrent(): boolean;

/** Builds dist-server/ unless it is current. */
export declare function ensureServerBuild(): Promise<void>;
