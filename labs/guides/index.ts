/**
 * Public API of the concept guides: the pure model (parseGuide, topics) and the directory loader.
 */
export { parseGuide, checkGuideLabs, GUIDE_TOPICS, GUIDE_TOPIC_LABELS } from "./guide";
export type { Guide, GuideTopic } from "./guide";
export { loadGuides } from "./load";
export type { LoadGuidesResult } from "./load";
