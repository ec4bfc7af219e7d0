//! The bucket's CORS rule: origins a browser could actually send, and a
//! preflight cache time browsers honour.

use std::collections::HashSet;

use crate::config::{RawCors, Spanned};
use crate::diagnostic::Problems;
use crate::model::Cors;

const DEFAULT_MAX_AGE_SECONDS: u32 = 3600;
/// A day: the longest any browser caches a preflight answer.
const MAX_AGE_LIMIT: i64 = 86_400;

/// The checked CORS settings; the tutorial's when there is no `cors` block.
pub fn resolve(raw: Option<&RawCors>, problems: &mut Problems) -> Cors {
    let origins = raw.and_then(|c| c.allowed_origins.as_ref());
    if let Some(origins) = origins {
        check_origins(origins, problems);
    }
    Cors {
        allowed_origins: origins.map_or_else(
            || vec!["*".to_string()],
            |o| o.value.iter().map(|s| s.value.clone()).collect(),
        ),
        max_age_seconds: max_age(raw.and_then(|c| c.max_age_seconds.as_ref()), problems),
    }
}

fn max_age(raw: Option<&Spanned<i64>>, problems: &mut Problems) -> u32 {
    let Some(age) = raw else {
        return DEFAULT_MAX_AGE_SECONDS;
    };
    match u32::try_from(age.value) {
        Ok(seconds) if i64::from(seconds) <= MAX_AGE_LIMIT => seconds,
        _ => {
            problems
                .error(
                    age.span.clone(),
                    format!("`max_age_seconds` `{}` is out of range", age.value),
                )
                .help("write a number of seconds from 0 to 86400 (a day); 3600 is the tutorial's");
            DEFAULT_MAX_AGE_SECONDS
        }
    }
}

fn check_origins(origins: &Spanned<Vec<Spanned<String>>>, problems: &mut Problems) {
    if origins.value.is_empty() {
        problems
            .error(
                origins.span.clone(),
                "`allowed_origins` is empty, so no browser could reach the bucket",
            )
            .help("write `[\"*\"]`, or the extension's origin such as `\"chrome-extension://ID\"`");
        return;
    }
    let mut seen = HashSet::new();
    for origin in &origins.value {
        if let Err((message, help)) = origin_problem(&origin.value) {
            problems.error(origin.span.clone(), message).help(help);
        }
        if !seen.insert(origin.value.as_str()) {
            problems
                .warning(
                    origin.span.clone(),
                    format!("origin `{}` is listed twice", origin.value),
                )
                .help("remove the second entry");
        }
    }
    if origins.value.len() > 1
        && let Some(star) = origins.value.iter().find(|o| o.value == "*")
    {
        problems
            .warning(
                star.span.clone(),
                "`*` already allows every origin, so the others listed change nothing",
            )
            .help("keep only `\"*\"`, or remove it to allow only the origins listed");
    }
}

/// Checks one origin: `*`, or `scheme://host[:port]` as a browser sends it in
/// its `Origin` header, with at most one `*` (S3's limit).
fn origin_problem(origin: &str) -> Result<(), (String, String)> {
    if origin == "*" {
        return Ok(());
    }
    let example = "write `scheme://host[:port]`, such as `https://gallery.example.com` or `chrome-extension://ID`";
    let Some((scheme, rest)) = origin.split_once("://") else {
        return Err((
            format!("`{origin}` is not an origin: it has no `scheme://`"),
            example.to_string(),
        ));
    };
    let scheme_ok = scheme.starts_with(|c: char| c.is_ascii_lowercase())
        && scheme
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "+-.".contains(c));
    if !scheme_ok {
        return Err((
            format!("origin `{origin}` has an invalid scheme `{scheme}`"),
            "a scheme is lower-case letters, digits and `+-.`, such as `https`".to_string(),
        ));
    }
    if let Some(cut) = rest.find(['/', '?', '#']) {
        let authority = &rest[..cut];
        return Err((
            format!(
                "origin `{origin}` has a path; a browser's `Origin` never does, so it would never match"
            ),
            format!("write `{scheme}://{authority}`"),
        ));
    }
    if origin.matches('*').count() > 1 {
        return Err((
            format!("origin `{origin}` has more than one `*`; S3 allows one"),
            "use one `*`, such as `https://*.example.com`".to_string(),
        ));
    }
    let (host, port) = split_port(rest);
    if let Some(port) = port
        && !port.parse::<u16>().is_ok_and(|p| p > 0)
    {
        return Err((
            format!("origin `{origin}` has an invalid port `{port}`"),
            "write a port from 1 to 65535, or none".to_string(),
        ));
    }
    extension_problem(origin, scheme, host, port)?;
    let host_ok = !host.is_empty()
        && (host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-.*".contains(c))
            || is_bracketed_ipv6(host));
    if !host_ok {
        return Err((
            format!("origin `{origin}` has an invalid host `{host}`"),
            "a host is letters, digits, `-` and `.`, optionally with one `*`".to_string(),
        ));
    }
    Ok(())
}

/// `host` and `port` of `host:port`; an IPv6 host keeps its colons.
fn split_port(authority: &str) -> (&str, Option<&str>) {
    match authority.rsplit_once(':') {
        Some((host, port)) if !host.starts_with('[') || host.ends_with(']') => (host, Some(port)),
        _ => (authority, None),
    }
}

fn is_bracketed_ipv6(host: &str) -> bool {
    host.strip_prefix('[')
        .and_then(|h| h.strip_suffix(']'))
        .is_some_and(|h| h.parse::<std::net::Ipv6Addr>().is_ok())
}

/// Browser extensions' origins have a fixed form: an ID the browser assigns
/// and never a port.
fn extension_problem(
    origin: &str,
    scheme: &str,
    host: &str,
    port: Option<&str>,
) -> Result<(), (String, String)> {
    let (id_ok, what, help) = match scheme {
        "chrome-extension" => (
            host.len() == 32 && host.chars().all(|c| ('a'..='p').contains(&c)),
            "a Chrome or Edge extension ID (32 letters from `a` to `p`)",
            "copy the ID from chrome://extensions (developer mode shows it)",
        ),
        "moz-extension" => (
            is_uuid(host),
            "a Firefox extension's internal UUID",
            "Firefox's origin is a per-install Internal UUID, not the add-on ID: copy it from about:debugging#/runtime/this-firefox",
        ),
        _ => return Ok(()),
    };
    if !id_ok || port.is_some() {
        return Err((
            format!("origin `{origin}` does not hold {what}"),
            help.to_string(),
        ));
    }
    Ok(())
}

fn is_uuid(text: &str) -> bool {
    let groups: Vec<&str> = text.split('-').collect();
    groups.iter().map(|g| g.len()).eq([8, 4, 4, 4, 12])
        && groups
            .iter()
            .all(|g| g.chars().all(|c| c.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_browsers_send_pass() {
        for origin in [
            "*",
            "https://gallery.example.com",
            "http://localhost:8080",
            "https://*.example.com",
            "http://[::1]:3000",
            "chrome-extension://abcdefghijklmnopabcdefghijklmnop",
            "moz-extension://0a1b2c3d-4e5f-6789-abcd-ef0123456789",
            "safari-web-extension://E2B1A5E8-0C77-4E1D-9F00-1234567890AB",
        ] {
            assert_eq!(origin_problem(origin), Ok(()), "{origin}");
        }
    }

    #[test]
    fn origins_that_never_match_are_refused() {
        for origin in [
            "example.com",
            "https://example.com/",
            "https://example.com/gallery",
            "HTTPS://example.com",
            "https://*.*.example.com",
            "https://example.com:0",
            "https://example.com:99999",
            "https://exa mple.com",
            "https://",
            "chrome-extension://abc",
            "chrome-extension://abcdefghijklmnopabcdefghijklmnop:80",
            "moz-extension://not-a-uuid",
        ] {
            assert!(origin_problem(origin).is_err(), "{origin}");
        }
    }
}
