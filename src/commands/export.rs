//! `kinerja export`: every assessment to standard output or to a file.

use crate::config::Paths;
use crate::daemon::Backend;
use crate::i18n::{Lang, Strings, fill};
use crate::io::export::{self, Format};
use color_eyre::eyre::{Result, bail, eyre};
use indicatif::{ProgressBar, ProgressStyle};
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::time::Duration;

/// Exports with more records than this show a progress bar (on a terminal).
const PROGRESS_RECORDS: usize = 2000;

/// Writes the export to a file (via a temp file renamed into place, so a
/// failed export never leaves half a file) or to standard output. A
/// workbook needs a file. The progress bar and the closing line go to
/// standard error, so standard output holds only the export.
pub fn run(
    paths: &Paths,
    socket: &Path,
    lang: Lang,
    format: Format,
    output: Option<&Path>,
    period: Option<&str>,
) -> Result<()> {
    let t = lang.strings();
    if format == Format::Xlsx && output.is_none() {
        bail!("{}", t.cli_export_needs_file);
    }
    // Not over an export that scrolls past on the same terminal.
    let to_screen = output.is_none() && std::io::stdout().is_terminal();
    let bar = Progress::start(t, std::io::stderr().is_terminal() && !to_screen);
    let store = Backend::connect_or_open(&paths.data_dir, socket)?;
    let e = export::export_from_store(&store, period).map_err(|e| eyre!(e))?;
    let n = e.records.len();
    bar.counting(n);
    let write = |out: &mut dyn Write| {
        export::write_with_progress(&e.records, &e.grades, format, out, &mut |done| {
            bar.written(done);
        })
    };
    let Some(path) = output else {
        let mut out = std::io::stdout().lock();
        let written = write(&mut out).and_then(|()| out.flush());
        bar.clear();
        return Ok(written?);
    };
    let written = crate::io::atomic::write(path, write);
    bar.clear();
    let file = path.display().to_string();
    if let Err(err) = written {
        let why = err.to_string();
        bail!(
            "{}",
            fill(t.cli_export_failed, &[("file", &file), ("why", &why)])
        );
    }
    eprintln!(
        "{}",
        fill(t.cli_exported, &[("n", &n.to_string()), ("file", &file)])
    );
    Ok(())
}

/// On a terminal's standard error: a spinner while the store is read,
/// then, for a long export, a bar of the records written.
struct Progress {
    bar: Option<ProgressBar>,
    t: &'static Strings,
}

impl Progress {
    /// Shows nothing unless `show`.
    fn start(t: &'static Strings, show: bool) -> Self {
        let bar = show.then(|| {
            let s = ProgressBar::new_spinner().with_message(t.cli_export_reading);
            s.enable_steady_tick(Duration::from_millis(100));
            s
        });
        Self { bar, t }
    }

    /// The store is read: a bar for `n` records, or nothing if few.
    fn counting(&self, n: usize) {
        let Some(b) = &self.bar else { return };
        if n <= PROGRESS_RECORDS {
            b.finish_and_clear();
            return;
        }
        b.disable_steady_tick();
        b.set_message(self.t.cli_exporting);
        b.set_length(n as u64);
        let style = ProgressStyle::with_template("{msg} [{bar:40}] {pos}/{len}")
            .unwrap_or_else(|_| ProgressStyle::default_bar());
        b.set_style(style);
    }

    fn written(&self, done: usize) {
        if let Some(b) = self.bar.as_ref().filter(|b| !b.is_finished()) {
            b.set_position(done as u64);
            if Some(done as u64) == b.length() {
                // A workbook is compressed after its last row.
                b.set_message(self.t.imp_saving);
            }
        }
    }

    fn clear(&self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}
