//! Running the `syriatalks` command from the end-to-end tests.
#![allow(dead_code)]

use std::process::{Command, Output};

/// Runs the command with `args`.
pub fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_syriatalks"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run syriatalks: {e}"))
}

/// Runs the command, which must succeed, and returns its stdout.
pub fn ok(args: &[&str]) -> String {
    let o = run(args);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{args:?} failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Runs the command, which must succeed and print JSON, and returns it.
pub fn json(args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&ok(args)).unwrap_or_else(|e| panic!("{args:?}: {e}"))
}
