//! Problems found in a configuration, with the place they were found.
//!
//! Every check collects problems into a [`Problems`] list instead of stopping at
//! the first one, so a user sees everything wrong with a file in one run.

use std::fmt;
use std::ops::Range;

use crate::config::Source;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
}

/// One problem, resolved to a file, line and column for the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub help: Option<String>,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(
            f,
            "{}:{}:{}: {label}: {}",
            self.file, self.line, self.column, self.message
        )?;
        if let Some(help) = &self.help {
            write!(f, "\n  help: {help}")?;
        }
        Ok(())
    }
}

/// A problem still pointing at a byte range of its source.
#[derive(Debug, Clone)]
struct Pending {
    severity: Severity,
    span: Range<usize>,
    message: String,
    help: Option<String>,
}

/// Problems collected while reading and checking one configuration source.
#[derive(Debug, Default)]
pub struct Problems {
    pending: Vec<Pending>,
}

impl Problems {
    pub fn error(&mut self, span: Range<usize>, message: impl Into<String>) -> &mut Self {
        self.push(Severity::Error, span, message.into())
    }

    pub fn warning(&mut self, span: Range<usize>, message: impl Into<String>) -> &mut Self {
        self.push(Severity::Warning, span, message.into())
    }

    /// Attaches advice to the problem added last.
    pub fn help(&mut self, help: impl Into<String>) -> &mut Self {
        if let Some(last) = self.pending.last_mut() {
            last.help = Some(help.into());
        }
        self
    }

    pub fn has_errors(&self) -> bool {
        self.pending.iter().any(|p| p.severity == Severity::Error)
    }

    /// Whether an error was found inside `span`, such as a block's.
    pub fn has_errors_within(&self, span: &Range<usize>) -> bool {
        self.pending
            .iter()
            .any(|p| p.severity == Severity::Error && span.contains(&p.span.start))
    }

    /// Resolves every problem to its line and column, in source order.
    pub fn resolve(self, source: &Source) -> Vec<Diagnostic> {
        let mut pending = self.pending;
        pending.sort_by_key(|p| (p.span.start, p.severity == Severity::Warning));
        pending
            .into_iter()
            .map(|p| {
                let (line, column) = source.line_column(p.span.start);
                Diagnostic {
                    severity: p.severity,
                    file: source.name().to_string(),
                    line,
                    column,
                    message: p.message,
                    help: p.help,
                }
            })
            .collect()
    }

    fn push(&mut self, severity: Severity, span: Range<usize>, message: String) -> &mut Self {
        self.pending.push(Pending {
            severity,
            span,
            message,
            help: None,
        });
        self
    }
}

/// The closest candidate to a misspelt name, if one is close enough to suggest.
pub fn did_you_mean<'a>(
    given: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(given, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}
