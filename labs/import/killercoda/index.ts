/** Public entry of the Killercoda importer (pure: the CLI edge reads and writes the folders). */
export { convertScenario, slug, type ImportInput, type ImportResult } from "./convert";
export { InvalidScenario } from "./scenario";
export { formatNote, type Note } from "./notes";
