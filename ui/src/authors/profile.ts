/** Author form values ⇄ the core's NewAuthor / AuthorChange, kept pure for unit tests. */
import type { Author, AuthorChange, NewAuthor } from "../../ipc/bindings";

/** Social networks offered in the form, with the key stored in `social`. */
export const SOCIAL_NETWORKS: ReadonlyArray<{ key: string; label: string }> = [
  { key: "github", label: "GitHub" },
  { key: "mastodon", label: "Mastodon" },
  { key: "bluesky", label: "Bluesky" },
  { key: "x", label: "X" },
  { key: "linkedin", label: "LinkedIn" },
  { key: "youtube", label: "YouTube" },
  { key: "instagram", label: "Instagram" },
  { key: "threads", label: "Threads" },
];

/** The text fields of the form. */
export interface AuthorForm {
  name: string;
  slug: string;
  short_bio: string;
  bio: string;
  website: string;
  location: string;
  role: string;
  email: string;
  avatar: string | null;
  social: Record<string, string>;
}

const blankToNull = (value: string): string | null => (value.trim() === "" ? null : value.trim());

/** Social links without blanks; networks the form does not know are kept as they were. */
function socialOf(form: AuthorForm, previous: Record<string, string> = {}): Record<string, string> {
  const social: Record<string, string> = {};
  const known = new Set(SOCIAL_NETWORKS.map((n) => n.key));
  for (const [key, url] of Object.entries(previous)) if (!known.has(key)) social[key] = url;
  for (const { key } of SOCIAL_NETWORKS) {
    const url = (form.social[key] ?? "").trim();
    if (url !== "") social[key] = url;
  }
  return social;
}

/** The form for a new profile: every field empty. */
export function blankForm(): AuthorForm {
  return { name: "", slug: "", short_bio: "", bio: "", website: "", location: "", role: "", email: "", avatar: null, social: {} };
}

/** The form for an existing profile. */
export function formOf(author: Author): AuthorForm {
  return {
    name: author.name,
    slug: author.slug,
    short_bio: author.short_bio ?? "",
    bio: author.bio ?? "",
    website: author.website ?? "",
    location: author.location ?? "",
    role: author.role ?? "",
    email: author.email ?? "",
    avatar: author.avatar,
    social: { ...author.social },
  };
}

/** A NewAuthor from the form. */
export function newAuthorOf(form: AuthorForm, makeDefault: boolean): NewAuthor {
  return {
    name: form.name.trim(),
    slug: blankToNull(form.slug),
    short_bio: blankToNull(form.short_bio),
    bio: blankToNull(form.bio),
    avatar: form.avatar,
    website: blankToNull(form.website),
    location: blankToNull(form.location),
    role: blankToNull(form.role),
    email: blankToNull(form.email),
    social: socialOf(form),
    make_default: makeDefault,
  };
}

/** An AuthorChange carrying every field of the form (null clears). */
export function authorChangeOf(form: AuthorForm, previous: Author): AuthorChange {
  return {
    name: form.name.trim(),
    short_bio: blankToNull(form.short_bio),
    bio: blankToNull(form.bio),
    avatar: form.avatar,
    website: blankToNull(form.website),
    location: blankToNull(form.location),
    role: blankToNull(form.role),
    email: blankToNull(form.email),
    social: socialOf(form, previous.social),
  };
}
