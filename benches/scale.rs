//! Render, generate and diff at team scale: the default config, 100 users, and
//! AWS's per-account quota of 5,000 users with 20 buckets.
//!
//! `cargo bench --bench scale` prints, per size, the median time of rendering in
//! process and of whole `webqsee-s3 generate` and `webqsee-s3 diff` runs, with
//! the peak resident memory of those processes, and exits non-zero when the
//! 5,000-user size misses the targets (under 100 ms and 30 MiB each).

#![allow(unsafe_code)] // wait4 reports a child's peak memory; std has no safe way.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use webqsee_s3::commands::model_from;
use webqsee_s3::config::Source;
use webqsee_s3::render;

const RUNS: usize = 15;
const TARGET_TIME: Duration = Duration::from_millis(100);
const TARGET_MEMORY_KIB: u64 = 30 * 1024;

struct Size {
    label: &'static str,
    users: usize,
    buckets: usize,
}

const SIZES: &[Size] = &[
    Size {
        label: "default",
        users: 1,
        buckets: 1,
    },
    Size {
        label: "100 users",
        users: 100,
        buckets: 1,
    },
    Size {
        label: "1,000 users, 4 buckets",
        users: 1_000,
        buckets: 4,
    },
    Size {
        label: "5,000 users, 20 buckets",
        users: 5_000,
        buckets: 20,
    },
];

fn main() {
    let temp = tempfile::tempdir().expect("a temporary directory");
    println!(
        "| size | render (in process) | generate | generate peak RSS | diff | diff peak RSS |"
    );
    println!("|---|---|---|---|---|---|");
    let mut missed = Vec::new();
    for size in SIZES {
        let dir = temp.path().join(size.label.replace([' ', ','], "_"));
        std::fs::create_dir_all(&dir).unwrap();
        let config = dir.join("webqsee.hcl");
        std::fs::write(&config, config_text(size)).unwrap();

        let render_time = median(RUNS, || {
            let source = Source::named("bench", std::fs::read_to_string(&config).unwrap());
            let (model, problems) = model_from(&source);
            let model =
                model.unwrap_or_else(|| panic!("bench config does not check: {problems:?}"));
            std::hint::black_box(render::render(&model));
        });

        let out = dir.join("module");
        let generate = measure_process(&dir, &["generate", "--out", "module"], 0, || {
            let _ = std::fs::remove_dir_all(&out);
        });
        let diff = measure_process(&dir, &["diff", "--out", "module"], 0, || {});

        println!(
            "| {} | {} | {} | {} | {} | {} |",
            size.label,
            millis(render_time),
            millis(generate.time),
            mebibytes(generate.peak_kib),
            millis(diff.time),
            mebibytes(diff.peak_kib),
        );
        if size.users == 5_000 {
            for (what, m) in [("generate", &generate), ("diff", &diff)] {
                if m.time >= TARGET_TIME || m.peak_kib >= TARGET_MEMORY_KIB {
                    missed.push(format!(
                        "{what} at {}: {} and {} (targets: under 100 ms and 30 MiB)",
                        size.label,
                        millis(m.time),
                        mebibytes(m.peak_kib)
                    ));
                }
            }
        }
    }
    if !missed.is_empty() {
        eprintln!("missed targets:\n{}", missed.join("\n"));
        std::process::exit(1);
    }
}

/// A configuration with `users` users and `buckets` buckets spread over regions.
fn config_text(size: &Size) -> String {
    const REGIONS: [&str; 4] = ["eu-central-1", "us-east-1", "ap-southeast-2", "sa-east-1"];
    let mut text = String::from("output_dir = \"module\"\n\n");
    for b in 0..size.buckets {
        let name = if size.buckets == 1 {
            "webqsee".to_string()
        } else {
            format!("webqsee-gallery-{b:02}")
        };
        text.push_str(&format!(
            "bucket \"{name}\" {{\n  region = \"{}\"\n}}\n\n",
            REGIONS[b % REGIONS.len()]
        ));
    }
    for u in 0..size.users {
        let name = if size.users == 1 {
            "webqsee-admin-user".to_string()
        } else {
            format!("member-{u:04}")
        };
        text.push_str(&format!("user \"{name}\" {{}}\n"));
    }
    text
}

struct ProcessMeasure {
    time: Duration,
    peak_kib: u64,
}

/// The median wall time and the largest peak RSS of `RUNS` runs of the binary.
fn measure_process(
    dir: &Path,
    args: &[&str],
    expected: i32,
    before_each: impl Fn(),
) -> ProcessMeasure {
    let mut times = Vec::with_capacity(RUNS);
    let mut peak_kib = 0;
    for _ in 0..RUNS {
        before_each();
        let started = Instant::now();
        // Reaped by wait4 below, which std's wait cannot replace: it drops the
        // child's resource usage.
        #[allow(clippy::zombie_processes)]
        let child = Command::new(env!("CARGO_BIN_EXE_webqsee-s3"))
            .args(args)
            .current_dir(dir)
            .env_remove("WEBQSEE_S3_CONFIG")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("webqsee-s3 starts");
        let (code, rss) = wait_with_rusage(child.id());
        times.push(started.elapsed());
        assert_eq!(code, expected, "webqsee-s3 {args:?} exited with {code}");
        peak_kib = peak_kib.max(rss);
    }
    times.sort();
    ProcessMeasure {
        time: times[RUNS / 2],
        peak_kib,
    }
}

/// Waits for a child and returns its exit code and peak resident set in KiB.
fn wait_with_rusage(pid: u32) -> (i32, u64) {
    let mut status = 0;
    // SAFETY: rusage is plain data that wait4 fills in; the pid is our own child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let reaped = unsafe { libc::wait4(pid as libc::pid_t, &mut status, 0, &mut usage) };
    assert_eq!(reaped, pid as libc::pid_t, "wait4 failed");
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        -1
    };
    (code, usage.ru_maxrss as u64)
}

fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let started = Instant::now();
            f();
            started.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

fn millis(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn mebibytes(kib: u64) -> String {
    format!("{:.1} MiB", kib as f64 / 1024.0)
}
