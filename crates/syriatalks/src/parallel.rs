//! Work spread over every core, with results in a deterministic order (so that a load reports
//! its problems in the same order however the threads were scheduled). Plain scoped threads: the
//! loader's jobs are few and coarse (files, pieces of a file, articles), which needs no pool.

/// How many threads a load uses.
pub(crate) fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Runs `f` over `0..n` on every core, returning the results in order (so that problems come out
/// in the same order whatever the scheduling).
pub(crate) fn parallel<T: Send>(n: usize, f: impl Fn(usize) -> T + Sync) -> Vec<T> {
    let mut out = Vec::with_capacity(n);
    parallel_ordered(n, f, |_, v| out.push(v));
    out
}

/// Runs `f` over `0..n` on every core and hands each result to `consume` on the calling thread,
/// in order, as soon as it and every earlier one are ready: results are merged while later ones are
/// still being computed, so that at most a few are held at once (a million records are not kept
/// twice, once parsed and once merged).
pub(crate) fn parallel_ordered<T: Send>(
    n: usize,
    f: impl Fn(usize) -> T + Sync,
    mut consume: impl FnMut(usize, T),
) {
    use std::sync::{Condvar, Mutex};
    let workers = threads().min(n);
    if workers <= 1 {
        (0..n).for_each(|i| consume(i, f(i)));
        return;
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let slots: Vec<Mutex<Option<std::thread::Result<T>>>> =
        (0..n).map(|_| Mutex::new(None)).collect();
    let (lock, ready) = (Mutex::new(()), Condvar::new());
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                if i >= n {
                    break;
                }
                // A panic is carried to the consumer, which would otherwise wait for it forever.
                let value = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(i)));
                *slots[i].lock().unwrap_or_else(|e| e.into_inner()) = Some(value);
                // Taking the lock orders this notice after the consumer's look at the slot.
                let _guard = lock.lock().unwrap_or_else(|e| e.into_inner());
                ready.notify_all();
            });
        }
        for (i, slot) in slots.iter().enumerate() {
            let mut guard = lock.lock().unwrap_or_else(|e| e.into_inner());
            let value = loop {
                if let Some(v) = slot.lock().unwrap_or_else(|e| e.into_inner()).take() {
                    break v;
                }
                guard = ready.wait(guard).unwrap_or_else(|e| e.into_inner());
            };
            drop(guard);
            match value {
                Ok(v) => consume(i, v),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
    });
}
