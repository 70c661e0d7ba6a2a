//! Progress reports for long loads: what a caller's callback receives, and the reporter that sends
//! them at most about once per percent, from any of the loader's threads.

/// How far a load has got, for a progress display: `done` of `total` units of `stage`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// What is being done: `"load"` (bytes of seeds and record files read and parsed), then
    /// `"validate"` (records checked).
    pub stage: &'static str,
    /// Units done so far in this stage.
    pub done: u64,
    /// Units this stage has in all.
    pub total: u64,
}

/// A callback that receives [`Progress`] reports during a load; it may be called from any of the
/// loader's threads.
pub type ProgressFn<'a> = &'a (dyn Fn(Progress) + Sync);

/// Reports progress through an optional callback, about once per percent.
pub(crate) struct Reporter<'a> {
    callback: Option<ProgressFn<'a>>,
    stage: &'static str,
    total: u64,
    done: std::sync::atomic::AtomicU64,
    shown: std::sync::atomic::AtomicU64,
}

impl<'a> Reporter<'a> {
    pub(crate) fn new(callback: Option<ProgressFn<'a>>, stage: &'static str, total: u64) -> Self {
        let r = Reporter {
            callback,
            stage,
            total: total.max(1),
            done: 0.into(),
            shown: 0.into(),
        };
        r.emit(0);
        r
    }

    fn emit(&self, done: u64) {
        if let Some(cb) = self.callback {
            cb(Progress {
                stage: self.stage,
                done,
                total: self.total,
            });
        }
    }

    /// Counts `n` more units done.
    pub(crate) fn add(&self, n: u64) {
        use std::sync::atomic::Ordering::Relaxed;
        if self.callback.is_none() {
            return;
        }
        let done = self.done.fetch_add(n, Relaxed) + n;
        let bucket = done / (self.total / 100).max(1);
        if self.shown.fetch_max(bucket, Relaxed) < bucket {
            self.emit(done.min(self.total));
        }
    }

    /// Reports the stage complete (once).
    pub(crate) fn finish(&self) {
        use std::sync::atomic::Ordering::Relaxed;
        if self.callback.is_some() && self.shown.swap(u64::MAX, Relaxed) != u64::MAX {
            self.emit(self.total);
        }
    }
}
