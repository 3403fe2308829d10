/** Errors from the shell, turned into something the writer can read. */
import type { IpcError } from "./bindings";

/** True when `value` has the shape of a shell error. */
export function isIpcError(value: unknown): value is IpcError {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as IpcError).code === "string" &&
    typeof (value as IpcError).message === "string"
  );
}

/** The error code of a rejection, or "internal" when it is not a shell error. */
export function errorCode(error: unknown): string {
  return isIpcError(error) ? error.code : "internal";
}

/** A sentence to show the writer for any rejection, never "[object Object]". */
export function errorMessage(error: unknown): string {
  if (isIpcError(error)) return error.message;
  if (error instanceof Error) return error.message;
  if (typeof error === "string" && error.trim() !== "") return error;
  return "Something went wrong; the app log on stderr has the details.";
}
