//! Helpers shared by the integration tests: a fresh data directory per test
//! and the `claimgraph` binary pointed at it.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

/// The repository root (where `ontology/`, `sources/`, `queries/` live).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A temporary directory holding a data directory that tests point the
/// binary at; removed when dropped.
pub struct TestDir {
    pub temp: tempfile::TempDir,
}

impl TestDir {
    pub fn new() -> Self {
        Self {
            temp: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// The data directory (not created until a command writes).
    pub fn data(&self) -> PathBuf {
        self.temp.path().join("data")
    }

    /// `claimgraph --data-dir <data>`, run from the repository root, with
    /// CLAIMGRAPH_DATA cleared so the environment cannot leak in.
    pub fn cmd(&self) -> Command {
        let mut cmd = Command::cargo_bin("claimgraph").expect("binary built");
        cmd.current_dir(repo())
            .env_remove("CLAIMGRAPH_DATA")
            .arg("--data-dir")
            .arg(self.data());
        cmd
    }

    /// Loads paths (relative to the repository root) and asserts success.
    pub fn load(&self, paths: &[&str]) {
        self.cmd().arg("load").args(paths).assert().success();
    }

    /// A path inside the temporary directory.
    pub fn path(&self, rel: &str) -> PathBuf {
        self.temp.path().join(rel)
    }

    /// Writes `file`, a page titled `title` whose article holds the HTML
    /// `paragraphs`; returns its path.
    pub fn titled_page(&self, file: &str, title: &str, paragraphs: &str) -> PathBuf {
        let page = self.path(file);
        std::fs::write(
            &page,
            format!(
                "<html><head><title>{title}</title></head><body><article>{paragraphs}</article></body></html>"
            ),
        )
        .expect("page written");
        page
    }

    /// Writes `untitled.html`, a page with no title, byline or canonical
    /// link whose article holds `paragraphs`. Returns its path and the
    /// label its unnamed author gets: its folder and file name, not the
    /// whole path on the machine that ingested it.
    pub fn untitled_page(&self, paragraphs: &[&str]) -> (PathBuf, String) {
        let page = self.path("untitled.html");
        let body: String = paragraphs.iter().map(|p| format!("<p>{p}</p>")).collect();
        std::fs::write(
            &page,
            format!("<html><body><article>{body}</article></body></html>"),
        )
        .expect("page written");
        let folder = self.temp.path().file_name().expect("temp dir name");
        let label = format!("author of {}/untitled.html", folder.to_string_lossy());
        (page, label)
    }
}

/// The standard output of a command as a string.
pub fn stdout_of(output: &std::process::Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

/// Every quad of a data directory, sorted, as N-Quads lines.
pub fn all_quads(data: &Path) -> Vec<String> {
    let mut cmd = Command::cargo_bin("claimgraph").unwrap();
    let out = cmd
        .env_remove("CLAIMGRAPH_DATA")
        .arg("--data-dir")
        .arg(data)
        .args(["export", "--format", "nquads"])
        .output()
        .unwrap();
    assert_success(&out);
    let mut lines: Vec<String> = stdout_of(&out).lines().map(str::to_owned).collect();
    lines.sort();
    lines
}

/// Every quad but those of ingestion jobs' journals (when each URL was last
/// fetched: bookkeeping that changes on every fetch), sorted.
pub fn content_quads(data: &Path) -> Vec<String> {
    all_quads(data)
        .into_iter()
        .filter(|q| !q.contains("/graph/journal/"))
        .collect()
}

/// The bindings of a successful command's SPARQL JSON results.
pub fn json_rows(out: &std::process::Output) -> Vec<serde_json::Value> {
    assert_success(out);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("SPARQL JSON results");
    v["results"]["bindings"].as_array().unwrap().clone()
}

/// Asserts that a command succeeded, showing its stderr when it did not.
pub fn assert_success(out: &std::process::Output) {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A fresh data directory (in a temporary directory kept alive by the first
/// value) with `inputs` loaded through the library; a load error fails the
/// test, naming `context` and the file.
pub fn loaded_data_dir(
    inputs: &[PathBuf],
    context: &str,
) -> (tempfile::TempDir, claimgraph::store::DataDir) {
    use claimgraph::load::{expand_inputs, load_files};
    use claimgraph::store::{DataDir, OpenMode};
    let temp = tempfile::tempdir().unwrap();
    let data = DataDir::open(&temp.path().join("data"), OpenMode::Create).unwrap();
    let files: Vec<PathBuf> = expand_inputs(inputs)
        .into_iter()
        .map(|f| f.unwrap())
        .collect();
    load_files(
        &data,
        &files,
        None,
        |path, r| {
            r.unwrap_or_else(|e| panic!("{context}: loading {}: {e}", path.display()));
        },
        |_| {},
    )
    .unwrap();
    (temp, data)
}

/// Every row of the `who-claimed` query on `t`'s data directory, as
/// variable → value.
pub fn who_claimed(t: &TestDir) -> Vec<serde_json::Value> {
    let out = t
        .cmd()
        .args(["query", "--name", "who-claimed", "--format", "json"])
        .output()
        .unwrap();
    assert_success(&out);
    values_of(&out.stdout)
}

/// The `who-claimed` rows of `claimant` (a name, alias or IRI), as
/// variable → value; none when it claimed nothing.
pub fn who_claimed_by(t: &TestDir, claimant: &str) -> Vec<serde_json::Value> {
    let out = t
        .cmd()
        .args(["query", "--name", "who-claimed", "--param"])
        .arg(format!("claimant={claimant}"))
        .args(["--format", "json"])
        .output()
        .unwrap();
    values_of(&out.stdout)
}

/// SPARQL JSON results as rows of variable → value.
pub fn values_of(stdout: &[u8]) -> Vec<serde_json::Value> {
    let json: serde_json::Value = serde_json::from_slice(stdout).unwrap();
    json["results"]["bindings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            let row: serde_json::Map<String, serde_json::Value> = b
                .as_object()
                .unwrap()
                .iter()
                .map(|(k, v)| (k.clone(), v["value"].clone()))
                .collect();
            serde_json::Value::Object(row)
        })
        .collect()
}
