//! Command-line interface: the TUI by default, and the subcommands.

use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// Kinerja — penilaian kinerja ASN di terminal (performance appraisal of
/// civil servants, Kota Ambon). Without a subcommand it opens the TUI.
#[derive(Debug, Parser)]
#[command(name = "kinerja", version, about, long_about = None)]
pub struct Cli {
    /// Where the store lives [env: KINERJA_DATA_DIR; default: the platform data dir]
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// UI language: id (Bahasa Indonesia, default) or en
    #[arg(long, global = true, value_name = "LANG")]
    pub lang: Option<String>,
    /// Theme: default, light, high-contrast, monochrome, or a file in <config>/themes/
    #[arg(long, value_name = "NAME")]
    pub theme: Option<String>,
    /// The daemon's socket [default: kinerja.sock in the data dir]
    #[arg(long, global = true, value_name = "PATH")]
    pub socket: Option<PathBuf>,
    /// Log in as this appraiser (NIP) and resume where they were
    #[arg(long = "as", value_name = "NIP")]
    pub as_user: Option<String>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Own the store and serve it to every Kinerja on this host over a Unix
    /// socket (the app starts one on demand when none is running)
    Serve {
        /// Only check the configuration (`[users]`) and exit
        #[arg(long)]
        check: bool,
        /// Started by a client: leave the terminal's session, exit when
        /// the last client has gone
        #[arg(long, hide = true)]
        on_demand: bool,
    },
    /// Load the fictional Kota Ambon demo organisation into the store
    /// (or, with --employees, a synthetic organisation for benchmarks)
    Demo {
        /// Generate a synthetic organisation of this many employees instead
        #[arg(long, value_name = "N")]
        employees: Option<usize>,
        /// Seed for the synthetic generator
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// Replace the data already in the store
        #[arg(long)]
        force: bool,
    },
    /// Meeting mode for a projector: a unit's feedback notes, live, large
    /// and high-contrast (no ratings, no predikat); add notes with `f`
    Meeting {
        /// The unit to show (its id in the roster); the first one by default
        #[arg(long, value_name = "ID")]
        unit: Option<String>,
    },
    /// Capaian Kinerja Organisasi: list the period's unit results, or set
    /// one unit's (istimewa, baik, butuh_perbaikan, kurang, sangat_kurang)
    OrgResult {
        /// The period (default: the active one)
        #[arg(long, value_name = "ID")]
        period: Option<String>,
        /// The unit to set (its id in the roster)
        #[arg(long, value_name = "ID", requires = "result")]
        unit: Option<String>,
        /// The unit's result
        #[arg(long, value_name = "RESULT", requires = "unit")]
        result: Option<String>,
    },
    /// A printable evaluation document (HTML, one A4 page): of one employee
    /// to a file, or of every employee of a unit, with the unit's recap as
    /// index.html, into a directory
    Report {
        /// The employee (NIP)
        #[arg(
            long,
            value_name = "NIP",
            required_unless_present = "unit",
            conflicts_with = "unit"
        )]
        employee: Option<String>,
        /// The unit (its id in the roster)
        #[arg(long, value_name = "ID")]
        unit: Option<String>,
        /// The period (default: the active one)
        #[arg(long, value_name = "ID")]
        period: Option<String>,
        /// The file (--employee) or directory (--unit) to write
        #[arg(short, long, value_name = "PATH")]
        output: PathBuf,
    },
    /// Appraiser practice on fictional cases: rate them, then compare with
    /// the reference ratings and their reasons (nothing is stored)
    Practice,
    /// Audit trail: `kinerja audit verify` checks the journal's hash chain
    #[command(subcommand)]
    Audit(AuditCommand),
    /// Check that the store holds what the journal says; `--rebuild`
    /// replays the journal into a fresh store and swaps it in (the old one
    /// is kept beside it)
    Doctor {
        /// Rebuild the store from the journal
        #[arg(long)]
        rebuild: bool,
    },
    /// Write a consistent, versioned, checksummed backup of the store (works
    /// while the app is running)
    Backup {
        /// The backup file to write
        file: PathBuf,
    },
    /// Check a backup, then rebuild the store from it
    Restore {
        /// The backup file to read
        file: PathBuf,
        /// Restore over an existing store (it is kept beside the new one)
        #[arg(long)]
        force: bool,
    },
    /// Remove the personal data of periods that ended before DATE (their
    /// assessments and history); the journal keeps a verifiable chain and a
    /// purge record. Without --yes, only shows what would be removed
    Purge {
        /// Periods whose last day is before this date (YYYY-MM-DD) are purged
        #[arg(long, value_name = "DATE")]
        before: String,
        /// Really remove the data (it cannot be undone)
        #[arg(long)]
        yes: bool,
    },
    /// Export every assessment (NIP, name, unit, period, appraiser, status,
    /// each criterion's rating, label and note, aspect ratings, predikat or
    /// score, strengths, improvements). xlsx is an Excel workbook: a summary
    /// sheet (Ringkasan) counting states and predikat per unit, then one
    /// sheet per unit
    Export {
        /// Output format
        #[arg(long, value_enum, default_value = "json")]
        format: crate::io::export::Format,
        /// Output file, written whole or not at all (default: standard
        /// output; xlsx needs a file)
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Only this period (e.g. 2026-S2)
        #[arg(long, value_name = "ID")]
        period: Option<String>,
    },
    /// Import a file written by an admin: all or nothing, every problem
    /// reported as file:line: field
    #[command(subcommand)]
    Import(ImportCommand),
}

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Add a template, or replace the one with the same id (the format of
    /// data/templates/*.toml); existing assessments are not changed
    Template {
        /// The template file (TOML)
        file: PathBuf,
        /// Show what would change and write nothing
        #[arg(long)]
        dry_run: bool,
    },
    /// Replace the roster (units and people) with a CSV or XLSX file, one
    /// row per employee; periods, reference data and assessments are kept.
    /// All or nothing: any problem rejects the whole file, and every
    /// problem is listed as `file:line: column: what is wrong`.
    ///
    /// Columns (any order, case and punctuation ignored; English names
    /// accepted): NIP, Nama, Unit, Nama Unit, Unit Induk, Jabatan, Template,
    /// NIP Pejabat Penilai, NIP Atasan Pejabat Penilai, Peran (penilai,
    /// atasan, admin). Unit Induk, the two appraiser NIPs and Peran may be
    /// left out. See the README for the details and an example.
    Roster {
        /// The roster: CSV in UTF-8 (`,` or `;`) or an Excel workbook (.xlsx)
        file: PathBuf,
        /// Check the file and show what would change, without writing anything
        #[arg(long)]
        dry_run: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Walk the journal and report the first changed, removed or reordered
    /// entry (exit code 1), or how many entries are intact
    Verify,
}
