/**
 * The association of a line with an extension (the number that rings it). A line's first
 * extension is its main one; when it goes, the oldest remaining one takes its place.
 */
export interface LineExtension {
  line_id: number;
  extension_id: number;
  main_extension: boolean;
}
