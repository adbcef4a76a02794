//! Batch checking for the command line: finding the report files under folders, checking them
//! on all cores while printing the results in a fixed order, and the progress bar.

pub mod args;
pub mod summary;

use rayon::iter::{ParallelBridge, ParallelIterator};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;

/// The extensions looked for in folders (case-insensitive).
pub const REPORT_EXTENSIONS: [&str; 4] = ["html", "htm", "txt", "docx"];

/// One thing to check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// A file named on the command line or found in a folder (or `-`, standard input).
    File(PathBuf),
    /// Something under a folder that could not be listed; the message is bilingual.
    Unlisted(PathBuf, String),
}

impl Input {
    pub fn path(&self) -> &Path {
        match self {
            Input::File(p) | Input::Unlisted(p, _) => p,
        }
    }
}

/// What the paths on the command line stand for: files in the order given; each folder
/// replaced by the report files under it (any depth), sorted by path. `empty` lists the folders
/// that held none; `skipped` the symbolic links found in folders, which are not followed.
pub struct Expanded {
    pub inputs: Vec<Input>,
    pub any_folder: bool,
    pub empty: Vec<PathBuf>,
    pub skipped: Vec<Skipped>,
}

/// A symbolic link inside a folder that was not followed (a link may lead out of the folder,
/// to a file checked twice, or round in a loop), with why, in both languages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    pub path: PathBuf,
    pub reason: String,
}

/// Why a symbolic link met in a folder is skipped, or `None` for one that does not matter (a
/// link to a file that is not a report by its name).
fn skipped_link(path: &Path) -> Option<String> {
    let (zh, en) = match std::fs::metadata(path) {
        Ok(m) if m.is_dir() => ("指向文件夹的符号链接", "a symbolic link to a folder"),
        Ok(_) if has_report_extension(path) => ("指向文件的符号链接", "a symbolic link to a file"),
        Err(_) if has_report_extension(path) => {
            return Some("已跳过失效的符号链接（目标不存在或无法访问）/ skipped a broken symbolic link (its target is missing or cannot be reached)".into())
        }
        _ => return None,
    };
    Some(format!(
        "已跳过{zh}：文件夹中的链接不跟随（可能指向文件夹之外、重复的文件或形成循环），要检查请直接给出它的目标 / \
         skipped {en}: links in folders are not followed (one may lead outside the folder, to a file checked twice or round a loop); name its target to check it"
    ))
}

pub fn expand(paths: &[PathBuf]) -> Expanded {
    let mut inputs = Vec::new();
    let mut empty = Vec::new();
    let mut skipped = Vec::new();
    let mut any_folder = false;
    for p in paths {
        if p.as_os_str() != "-" && p.is_dir() {
            any_folder = true;
            let before = inputs.len();
            // Sorted by file name in every folder, depth first: the files come out sorted by path.
            for entry in walkdir::WalkDir::new(p).sort_by_file_name() {
                match entry {
                    Ok(e) => {
                        if e.file_type().is_file() && has_report_extension(e.path()) {
                            inputs.push(Input::File(e.into_path()));
                        } else if e.path_is_symlink() && e.depth() > 0 {
                            // (walkdir lists links without following them; the folder named on
                            // the command line is followed if it is a link itself)
                            if let Some(reason) = skipped_link(e.path()) {
                                skipped.push(Skipped {
                                    path: e.into_path(),
                                    reason,
                                });
                            }
                        }
                    }
                    Err(err) => {
                        let at = err
                            .path()
                            .map(Path::to_path_buf)
                            .unwrap_or_else(|| p.clone());
                        inputs.push(Input::Unlisted(
                            at,
                            format!("无法读取文件夹 / cannot read the folder: {err}"),
                        ));
                    }
                }
            }
            if inputs.len() == before {
                empty.push(p.clone());
            }
        } else {
            inputs.push(Input::File(p.clone()));
        }
    }
    Expanded {
        inputs,
        any_folder,
        empty,
        skipped,
    }
}

pub fn has_report_extension(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| REPORT_EXTENSIONS.iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// The input type shown in the summary: the extension in lower case, `stdin` for `-`.
pub fn input_label(p: &Path) -> String {
    if p.as_os_str() == "-" {
        return "stdin".into();
    }
    p.extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase())
        .unwrap_or_else(|| "(none)".into())
}

/// Worker threads get a large stack: the parsers recurse over nested HTML, and a thread's
/// default (2 MiB) is smaller than the main thread's (8 MiB).
const WORKER_STACK: usize = 64 << 20;

/// The cores this process may use (1 when that cannot be told).
pub fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// How many worker threads to start for `jobs` asked (`-j`; 0: one per core) and `items`
/// files: never more than the files (a thread with nothing to do only costs its 64 MiB stack),
/// never more than the cores (checking is CPU-bound: more threads only hold more files in
/// memory at once; `-j 10000` used to start ten thousand threads and hang), at least one.
pub fn worker_threads(jobs: usize, items: usize, cores: usize) -> usize {
    let cores = cores.max(1);
    let asked = if jobs == 0 { cores } else { jobs };
    asked.min(cores).min(items).max(1)
}

/// Runs `work` on every item on `jobs` threads (0: one per core; clamped by
/// [`worker_threads`]) and hands the results to `emit`
/// on the calling thread in the order of `items`, each as soon as it and all before it are done.
/// Workers take items in order, so only about `jobs` results wait at any time. When `emit`
/// returns `false` (e.g. a closed pipe) the remaining items are skipped.
pub fn run_ordered<T, R, W, E>(items: &[T], jobs: usize, work: W, mut emit: E) -> Result<(), String>
where
    T: Sync,
    R: Send,
    W: Fn(&T) -> R + Sync,
    E: FnMut(R) -> bool,
{
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(worker_threads(jobs, items.len(), cores()))
        .stack_size(WORKER_STACK)
        .thread_name(|i| format!("nianbao-check-{i}"))
        .build()
        .map_err(|e| format!("无法启动工作线程 / cannot start the worker threads: {e}"))?;
    let threads = pool.current_num_threads();
    let stop = AtomicBool::new(false);
    let (tx, rx) = mpsc::sync_channel::<(usize, R)>(threads * 2);
    std::thread::scope(|s| {
        let (work, stop) = (&work, &stop);
        s.spawn(move || {
            pool.install(|| {
                items
                    .iter()
                    .enumerate()
                    .par_bridge()
                    .for_each_with(tx, |tx, (i, item)| {
                        if stop.load(Ordering::Relaxed) {
                            return;
                        }
                        let r = work(item);
                        let _ = tx.send((i, r));
                    })
            })
        });
        let mut next = 0;
        let mut waiting: BTreeMap<usize, R> = BTreeMap::new();
        for (i, r) in rx {
            if stop.load(Ordering::Relaxed) {
                continue; // drain, so that the workers never block
            }
            waiting.insert(i, r);
            while let Some(r) = waiting.remove(&next) {
                next += 1;
                if !emit(r) {
                    stop.store(true, Ordering::Relaxed);
                    waiting.clear();
                    break;
                }
            }
        }
    });
    Ok(())
}

/// The text of a panic's payload.
pub fn panic_message(p: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = p.downcast_ref::<&str>() {
        s.to_string()
    } else if let Some(s) = p.downcast_ref::<String>() {
        s.clone()
    } else {
        "?".into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_out_in_order_whatever_the_finishing_order() {
        let items: Vec<u64> = (0..200).collect();
        let mut seen = Vec::new();
        run_ordered(
            &items,
            4,
            |&i| {
                // Later items finish first now and then.
                std::thread::sleep(std::time::Duration::from_micros((200 - i) % 7 * 100));
                i * 2
            },
            |r| {
                seen.push(r);
                true
            },
        )
        .unwrap();
        assert_eq!(seen, items.iter().map(|i| i * 2).collect::<Vec<_>>());
    }

    #[test]
    fn emit_false_stops_early() {
        let items: Vec<u32> = (0..10_000).collect();
        let mut n = 0;
        run_ordered(
            &items,
            2,
            |&i| i,
            |_| {
                n += 1;
                n < 5
            },
        )
        .unwrap();
        assert_eq!(n, 5);
    }

    #[test]
    fn folders_are_walked_sorted_with_report_extensions_only() {
        let dir = std::env::temp_dir().join(format!("nianbao-expand-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("b/sub")).unwrap();
        std::fs::create_dir_all(dir.join("a")).unwrap();
        std::fs::create_dir_all(dir.join("empty")).unwrap();
        for f in [
            "b/sub/z.TXT",
            "b/a.html",
            "a/x.docx",
            "a/y.pdf",
            "a/w.htm",
            "top.txt",
            "notes.md",
        ] {
            std::fs::write(dir.join(f), "x").unwrap();
        }
        let e = expand(&[dir.clone(), dir.join("empty"), PathBuf::from("-")]);
        let names: Vec<String> = e
            .inputs
            .iter()
            .map(|i| {
                i.path()
                    .strip_prefix(&dir)
                    .unwrap_or(i.path())
                    .display()
                    .to_string()
            })
            .collect();
        assert_eq!(
            names,
            [
                "a/w.htm",
                "a/x.docx",
                "b/a.html",
                "b/sub/z.TXT",
                "top.txt",
                "-"
            ]
        );
        assert!(e.any_folder);
        assert_eq!(e.empty, [dir.join("empty")]);
        assert!(e.skipped.is_empty());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn worker_threads_are_clamped_to_files_and_cores() {
        // (jobs, files, cores) → threads
        for (jobs, files, cores, threads) in [
            (0, 100, 8, 8),
            (0, 3, 8, 3),
            (4, 100, 8, 4),
            (10_000, 5, 2, 2),
            (10_000, 5, 64, 5),
            (10_000, 100_000, 16, 16),
            (1, 100, 8, 1),
            (3, 0, 8, 1),
            (0, 10, 0, 1),
        ] {
            assert_eq!(
                worker_threads(jobs, files, cores),
                threads,
                "-j {jobs}, {files} files, {cores} cores"
            );
        }
    }

    #[cfg(unix)]
    #[test]
    fn symbolic_links_in_folders_are_skipped_and_said() {
        use std::os::unix::fs::symlink;
        let dir = std::env::temp_dir().join(format!("nianbao-links-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("d/sub")).unwrap();
        std::fs::write(dir.join("d/a.txt"), "x").unwrap();
        std::fs::write(dir.join("d/sub/b.txt"), "x").unwrap();
        symlink(dir.join("d/a.txt"), dir.join("d/link.txt")).unwrap();
        symlink(dir.join("d/sub"), dir.join("d/linked-folder")).unwrap();
        symlink(dir.join("d/missing.txt"), dir.join("d/broken.txt")).unwrap();
        symlink(dir.join("d/a.txt"), dir.join("d/not-a-report.pdf")).unwrap();
        symlink(&dir, dir.join("d/loop")).unwrap();
        let e = expand(&[dir.join("d")]);
        let names = |p: &[PathBuf]| -> Vec<String> {
            p.iter()
                .map(|p| p.strip_prefix(dir.join("d")).unwrap().display().to_string())
                .collect()
        };
        assert_eq!(
            names(
                &e.inputs
                    .iter()
                    .map(|i| i.path().to_path_buf())
                    .collect::<Vec<_>>()
            ),
            ["a.txt", "sub/b.txt"]
        );
        let skipped: Vec<PathBuf> = e.skipped.iter().map(|s| s.path.clone()).collect();
        assert_eq!(
            names(&skipped),
            ["broken.txt", "link.txt", "linked-folder", "loop"]
        );
        for s in &e.skipped {
            assert!(
                s.reason.starts_with("已跳过")
                    && s.reason.contains("/ skipped")
                    && s.reason.contains("symbolic link"),
                "{}",
                s.reason
            );
        }
        assert!(e.skipped[0].reason.contains("broken"));
        // A folder named on the command line is read even when it is a link itself.
        let e = expand(&[dir.join("d/linked-folder")]);
        assert_eq!(e.inputs.len(), 1);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
