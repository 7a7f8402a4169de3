/** The one template syntax of the UI dictionaries and the contract's error reasons. */

/**
 * A template with its values filled: `{name}` by the value, `{n|one|other}` by the first form
 * when n is 1. A name without a value stays visible rather than guessed.
 */
export function fillTemplate(template: string, values: Record<string, string | number> = {}): string {
  return template
    .replace(/\{(\w+)\|([^|}]*)\|([^}]*)\}/g, (whole, name: string, one: string, other: string) => (Object.hasOwn(values, name) ? (values[name] === 1 ? one : other) : whole))
    .replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}
