import { describe, expect, it } from "vitest";
import { linkAction } from "./links";
import { safeCss } from "./document";

describe("clicks on preview links", () => {
  it("opens http, https and mailto externally", () => {
    expect(linkAction("https://example.org/a?b=1")).toEqual({ kind: "external", url: "https://example.org/a?b=1" });
    expect(linkAction("http://example.org")).toEqual({ kind: "external", url: "http://example.org/" });
    expect(linkAction("mailto:me@example.org")).toEqual({ kind: "external", url: "mailto:me@example.org" });
  });

  it("never opens javascript:, data:, file: or custom schemes", () => {
    for (const href of ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "file:///etc/passwd", "tauri://x"]) {
      expect(linkAction(href).kind).toBe("ignore");
    }
  });

  it("scrolls to in-page anchors", () => {
    expect(linkAction("#intro")).toEqual({ kind: "anchor", id: "intro" });
    expect(linkAction("#caf%C3%A9")).toEqual({ kind: "anchor", id: "café" });
  });

  it("ignores empty and relative links", () => {
    expect(linkAction(null).kind).toBe("none");
    expect(linkAction("images/a.png").kind).toBe("ignore");
  });

  it("keeps CSS from closing its style element", () => {
    expect(safeCss("a{}</style><script>")).not.toContain("</style");
  });
});
