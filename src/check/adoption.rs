//! What a configuration that adopts a setup made by hand may ask for.

use crate::config::RawConfig;
use crate::diagnostic::Problems;

/// An adopted user keeps the access key made in the console, and AWS allows two
/// per user: the module may add only one.
pub(super) fn check(raw: &RawConfig, problems: &mut Problems) {
    if !raw.adopt_existing.as_ref().is_some_and(|a| a.value) {
        return;
    }
    for user in &raw.users {
        let Some(keys) = &user.keys else {
            continue;
        };
        if keys.value.len() > 1 {
            problems
                .error(
                    keys.span.clone(),
                    format!(
                        "user `{}` names {} access keys, but with `adopt_existing` the key made in the console stays",
                        user.name.value,
                        keys.value.len()
                    ),
                )
                .help("AWS allows two access keys per user: name one key until the console's key is deleted, then add the second");
        }
    }
}
