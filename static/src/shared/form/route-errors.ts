/** Where each dot-path error goes: beside the field of that path, or onto the form's one error line. */
export interface RoutedErrors {
  byField: Record<string, string>;
  formLevel: string[];
}

/**
 * Routes dot-path errors (the resolvers' `fields`, or the same schema run in the browser) to the form's fields by
 * path: the field of that exact path, else the field that holds it (`epicKeys.0` → `epicKeys`, `patch.dependsOn.2`
 * → `patch.dependsOn`). What no field owns (`to`, `(payload)`) goes to the form-level line. Two messages for one
 * field are joined.
 */
export function routeErrors(fields: Record<string, string>, fieldNames: readonly string[]): RoutedErrors {
  const byField: Record<string, string> = {};
  const formLevel: string[] = [];
  for (const [path, message] of Object.entries(fields)) {
    const owner = fieldNames.includes(path) ? path : fieldNames.filter((name) => path.startsWith(`${name}.`)).sort((a, b) => b.length - a.length)[0];
    if (owner === undefined) {
      if (!formLevel.includes(message)) formLevel.push(message);
    } else if (!byField[owner]) byField[owner] = message;
    else if (!byField[owner].includes(message)) byField[owner] = `${byField[owner]} ${message}`;
  }
  return { byField, formLevel };
}
