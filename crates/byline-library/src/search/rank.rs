//! `byline_rank()`: FTS5's own bm25 (the same formula, constants and column weights), with each
//! draft's length in tokens kept per connection instead of looked up again for every match.
//!
//! A query of common words matches nearly every draft, and bm25 reads each matching row's length
//! from `%_docsize` with a prepared-statement step of its own: on 10,000 drafts that lookup cost
//! more than finding the matches. Lengths change only when the index does, so the cache is
//! dropped whenever the database's data version or this connection's change count moves, and
//! nothing is kept from inside an open transaction, which may yet roll back.
//!
//! This is the crate's one use of `unsafe`: FTS5's extension interface is a C table of function
//! pointers that rusqlite does not wrap. Each call goes through a pointer FTS5 handed over, with
//! the context it gave for that same call.
#![allow(unsafe_code)]

use std::cell::RefCell;
use std::collections::HashMap;
use std::ffi::{c_int, c_void};
use std::ptr;

use rusqlite::ffi::{self, Fts5Context, Fts5ExtensionApi, Fts5PhraseIter};
use rusqlite::Connection;

/// bm25's term-frequency saturation and length normalisation, as FTS5 sets them.
const K1: f64 = 1.2;
const B: f64 = 0.75;

/// Columns the function takes weights for (title, subtitle, summary, body, tags).
const MAX_COLUMNS: usize = 8;

/// What one connection's ranking function keeps between queries.
struct Shared {
    /// The connection the function belongs to; FTS5 drops the function (and this) when it closes.
    db: *mut ffi::sqlite3,
    /// No lock: SQLite runs one connection's functions one call at a time (its connection
    /// mutex), and none of these borrows outlives the call that takes it.
    lengths: RefCell<Lengths>,
}

/// Token counts by rowid, valid while `stamp` matches the database.
#[derive(Default)]
struct Lengths {
    stamp: Option<(u32, i64)>,
    by_rowid: HashMap<i64, i32>,
}

/// What one query computes on its first row: the average length and each phrase's IDF.
struct Query {
    average_length: f64,
    idf: Vec<f64>,
    /// Whether the cache serves this query: not inside an open transaction, whose own changes
    /// it does not know and which may yet roll back.
    cacheable: bool,
}

/// Registers `byline_rank` on `conn`. Call it as `byline_rank(table, weight, …)` where bm25 would
/// be called; it returns bm25's score (lower is better).
pub(crate) fn register(conn: &Connection) -> rusqlite::Result<()> {
    // SAFETY: the handle is only used for the calls below, while `conn` is borrowed and open.
    let db = unsafe { conn.handle() };
    let api = fts5_api(db)?;
    let shared = Box::into_raw(Box::new(Shared { db, lengths: RefCell::new(Lengths::default()) }));
    // SAFETY: `api` is the live FTS5 global of this connection (checked non-null and of a
    // version that has xCreateFunction); on success FTS5 owns `shared` and frees it through
    // `drop_shared` when the connection closes.
    let rc = unsafe {
        match (*api).xCreateFunction {
            Some(create) => create(api, c"byline_rank".as_ptr(), shared.cast(), Some(rank), Some(drop_shared)),
            None => ffi::SQLITE_MISUSE,
        }
    };
    if rc != ffi::SQLITE_OK {
        // SAFETY: FTS5 did not take `shared` (it calls no destructor on failure).
        drop(unsafe { Box::from_raw(shared) });
        return Err(rusqlite::Error::SqliteFailure(ffi::Error::new(rc), Some("could not register byline_rank".into())));
    }
    Ok(())
}

/// The connection's FTS5 API, fetched the documented way: `SELECT fts5(?)` with a bound pointer.
fn fts5_api(db: *mut ffi::sqlite3) -> rusqlite::Result<*mut ffi::fts5_api> {
    let failure = |rc: c_int| rusqlite::Error::SqliteFailure(ffi::Error::new(rc), Some("FTS5 is not available".into()));
    let mut stmt: *mut ffi::sqlite3_stmt = ptr::null_mut();
    let mut api: *mut ffi::fts5_api = ptr::null_mut();
    // SAFETY: `db` is open; the statement is finalized before `api`'s address goes out of scope.
    unsafe {
        let rc = ffi::sqlite3_prepare_v2(db, c"SELECT fts5(?1)".as_ptr(), -1, &mut stmt, ptr::null_mut());
        if rc != ffi::SQLITE_OK {
            return Err(failure(rc));
        }
        ffi::sqlite3_bind_pointer(stmt, 1, (&raw mut api).cast(), c"fts5_api_ptr".as_ptr(), None);
        ffi::sqlite3_step(stmt);
        ffi::sqlite3_finalize(stmt);
        if api.is_null() || (*api).iVersion < 2 {
            return Err(failure(ffi::SQLITE_ERROR));
        }
    }
    Ok(api)
}

unsafe extern "C" fn drop_shared(shared: *mut c_void) {
    // SAFETY: `shared` is the box `register` leaked; FTS5 calls this once, at close.
    drop(unsafe { Box::from_raw(shared.cast::<Shared>()) });
}

unsafe extern "C" fn drop_query(query: *mut c_void) {
    // SAFETY: `query` is the box `query` leaked into the cursor's auxdata; FTS5 frees it once.
    drop(unsafe { Box::from_raw(query.cast::<Query>()) });
}

/// The SQL function: one call per matching row.
unsafe extern "C" fn rank(
    api: *const Fts5ExtensionApi,
    fts: *mut Fts5Context,
    ctx: *mut ffi::sqlite3_context,
    n_values: c_int,
    values: *mut *mut ffi::sqlite3_value,
) {
    // SAFETY: FTS5 passes its API table, this row's context and the call's arguments.
    unsafe {
        let mut weights = [1.0; MAX_COLUMNS];
        for (i, weight) in weights.iter_mut().enumerate().take(usize::try_from(n_values).unwrap_or(0)) {
            *weight = ffi::sqlite3_value_double(*values.add(i));
        }
        match score(&*api, fts, &weights) {
            Ok(score) => ffi::sqlite3_result_double(ctx, -score),
            Err(rc) => ffi::sqlite3_result_error_code(ctx, rc),
        }
    }
}

/// bm25 of the current row, as a positive number (higher is better).
///
/// # Safety
/// `api` and `fts` are what FTS5 passed to this call of the function.
unsafe fn score(api: &Fts5ExtensionApi, fts: *mut Fts5Context, weights: &[f64; MAX_COLUMNS]) -> Result<f64, c_int> {
    let (Some(user_data), Some(rowid), Some(first), Some(next)) =
        (api.xUserData, api.xRowid, api.xPhraseFirst, api.xPhraseNext)
    else {
        return Err(ffi::SQLITE_MISUSE);
    };
    // SAFETY: as the function's contract says; `Shared` is what `register` gave FTS5.
    unsafe {
        let shared = &*user_data(fts).cast::<Shared>();
        let query = &*query(api, fts, shared)?;
        let length = f64::from(length(api, fts, shared, rowid(fts), query.cacheable)?);
        let mut score = 0.0;
        for (phrase, idf) in (0..).zip(&query.idf) {
            // How often the phrase occurs in this row, each occurrence weighted by its column.
            let mut frequency = 0.0;
            let mut iter = Fts5PhraseIter { a: ptr::null(), b: ptr::null() };
            let (mut column, mut offset) = (0, 0);
            let rc = first(fts, phrase, &mut iter, &mut column, &mut offset);
            if rc != ffi::SQLITE_OK {
                return Err(rc);
            }
            while let Ok(index) = usize::try_from(column) {
                frequency += weights.get(index).copied().unwrap_or(1.0);
                next(fts, &mut iter, &mut column, &mut offset);
            }
            score +=
                idf * ((frequency * (K1 + 1.0)) / (frequency + K1 * (1.0 - B + B * length / query.average_length)));
        }
        Ok(score)
    }
}

/// This query's constants, computed on its first row and kept in the cursor's auxdata.
///
/// # Safety
/// As for [`score`].
unsafe fn query(api: &Fts5ExtensionApi, fts: *mut Fts5Context, shared: &Shared) -> Result<*const Query, c_int> {
    let (Some(get), Some(set), Some(phrases), Some(rows), Some(total), Some(query_phrase)) =
        (api.xGetAuxdata, api.xSetAuxdata, api.xPhraseCount, api.xRowCount, api.xColumnTotalSize, api.xQueryPhrase)
    else {
        return Err(ffi::SQLITE_MISUSE);
    };
    // SAFETY: as the caller promises; the auxdata, when set, is a `Query` this function made.
    unsafe {
        let kept = get(fts, 0).cast::<Query>();
        if !kept.is_null() {
            return Ok(kept);
        }
        let (mut row_count, mut token_count) = (0_i64, 0_i64);
        check(rows(fts, &mut row_count))?;
        check(total(fts, -1, &mut token_count))?;
        let mut idf = Vec::new();
        for phrase in 0..phrases(fts) {
            let mut hits = 0_i64;
            check(query_phrase(fts, phrase, (&raw mut hits).cast(), Some(count_row)))?;
            // The standard BM25 IDF, floored as FTS5 floors it so very common words still count.
            let value = (((row_count - hits) as f64 + 0.5) / (hits as f64 + 0.5)).ln();
            idf.push(if value <= 0.0 { 1e-6 } else { value });
        }
        let cacheable = ffi::sqlite3_get_autocommit(shared.db) != 0;
        if cacheable {
            let stamp = stamp(shared.db);
            let mut lengths = shared.lengths.borrow_mut();
            if lengths.stamp != Some(stamp) {
                lengths.by_rowid.clear();
                lengths.stamp = Some(stamp);
            }
        }
        let average_length = token_count as f64 / (row_count.max(1)) as f64;
        let query = Box::into_raw(Box::new(Query { average_length, idf, cacheable }));
        // On failure FTS5 has already freed `query` through `drop_query`.
        check(set(fts, query.cast(), Some(drop_query)))?;
        Ok(query)
    }
}

/// The row's length in tokens over all columns, from the cache when it holds it.
///
/// # Safety
/// As for [`score`].
unsafe fn length(
    api: &Fts5ExtensionApi,
    fts: *mut Fts5Context,
    shared: &Shared,
    rowid: i64,
    cacheable: bool,
) -> Result<i32, c_int> {
    let Some(column_size) = api.xColumnSize else {
        return Err(ffi::SQLITE_MISUSE);
    };
    let mut length = 0;
    if !cacheable {
        // SAFETY: as the caller promises.
        check(unsafe { column_size(fts, -1, &mut length) })?;
        return Ok(length);
    }
    let mut lengths = shared.lengths.borrow_mut();
    if let Some(&length) = lengths.by_rowid.get(&rowid) {
        return Ok(length);
    }
    // SAFETY: as the caller promises.
    check(unsafe { column_size(fts, -1, &mut length) })?;
    lengths.by_rowid.insert(rowid, length);
    Ok(length)
}

/// What tells a cached length may be stale: the file's data version, which moves with every
/// commit by any connection, and this connection's running count of changed rows.
fn stamp(db: *mut ffi::sqlite3) -> (u32, i64) {
    let mut version: u32 = 0;
    // SAFETY: `db` is the open connection the function was called on; the file control writes
    // one u32 through the pointer.
    unsafe {
        ffi::sqlite3_file_control(db, c"main".as_ptr(), ffi::SQLITE_FCNTL_DATA_VERSION, (&raw mut version).cast());
        (version, ffi::sqlite3_total_changes64(db))
    }
}

/// xQueryPhrase's callback: counts the rows the phrase matches.
unsafe extern "C" fn count_row(_: *const Fts5ExtensionApi, _: *mut Fts5Context, hits: *mut c_void) -> c_int {
    // SAFETY: `hits` is the i64 `query` passed for this count.
    unsafe { *hits.cast::<i64>() += 1 };
    ffi::SQLITE_OK
}

fn check(rc: c_int) -> Result<(), c_int> {
    if rc == ffi::SQLITE_OK {
        Ok(())
    } else {
        Err(rc)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    const WEIGHTS: &str = "10.0, 5.0, 3.0, 1.0, 5.0";

    fn open(path: &std::path::Path) -> Connection {
        let conn = Connection::open(path).unwrap();
        conn.pragma_update(None, "journal_mode", "WAL").unwrap();
        register(&conn).unwrap();
        conn
    }

    fn create(conn: &Connection) {
        conn.execute_batch(
            "CREATE VIRTUAL TABLE t USING fts5(title, subtitle, summary, body, tags,
                 tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');",
        )
        .unwrap();
        let words = ["river", "garden", "window", "harbour", "lantern", "rain", "stone", "bread"];
        for i in 0..200_usize {
            let body: Vec<&str> = (0..(i % 37 + 3)).map(|j| words[(i * 7 + j * j) % words.len()]).collect();
            conn.execute(
                "INSERT INTO t (rowid, title, subtitle, summary, body, tags) VALUES (?1, ?2, ?3, NULL, ?4, ?5)",
                rusqlite::params![
                    i64::try_from(i).unwrap() + 1,
                    words[i % words.len()],
                    if i % 3 == 0 { Some(words[(i + 3) % words.len()]) } else { None },
                    body.join(" "),
                    if i % 5 == 0 { "river notes" } else { "" },
                ],
            )
            .unwrap();
        }
    }

    /// Every match's (rowid, bm25, byline_rank) for `query`.
    fn scores(conn: &Connection, query: &str) -> Vec<(i64, f64, f64)> {
        let sql = format!("SELECT rowid, bm25(t, {WEIGHTS}), byline_rank(t, {WEIGHTS}) FROM t WHERE t MATCH ?1");
        let mut stmt = conn.prepare(&sql).unwrap();
        let rows = stmt.query_map([query], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?))).unwrap();
        rows.collect::<rusqlite::Result<_>>().unwrap()
    }

    fn assert_same_as_bm25(conn: &Connection) {
        for query in ["\"river\"*", "\"garden\" \"window\"*", "\"ha\"*", "\"stone\" \"rain\" \"bread\"", "\"lant\"*"] {
            let scores = scores(conn, query);
            assert!(!scores.is_empty(), "{query} matched nothing");
            for (rowid, bm25, ours) in scores {
                assert!(
                    (bm25 - ours).abs() <= 1e-12 * bm25.abs(),
                    "{query}, row {rowid}: bm25 {bm25}, byline_rank {ours}"
                );
            }
        }
    }

    #[test]
    fn scores_equal_bm25s_on_every_match() {
        let dir = tempfile::tempdir().unwrap();
        let conn = open(&dir.path().join("t.db"));
        create(&conn);
        assert_same_as_bm25(&conn);
        // A second pass answers from the cache.
        assert_same_as_bm25(&conn);
    }

    #[test]
    fn edits_through_this_or_another_connection_are_not_scored_with_old_lengths() {
        let dir = tempfile::tempdir().unwrap();
        let conn = open(&dir.path().join("t.db"));
        create(&conn);
        assert_same_as_bm25(&conn);

        let long = "river garden window ".repeat(40);
        conn.execute("UPDATE t SET body = ?1 WHERE rowid IN (2, 9, 17)", [&long]).unwrap();
        assert_same_as_bm25(&conn);

        let other = open(&dir.path().join("t.db"));
        other.execute("UPDATE t SET body = 'river' WHERE rowid IN (2, 3, 40)", []).unwrap();
        other.execute("DELETE FROM t WHERE rowid = 5", []).unwrap();
        assert_same_as_bm25(&conn);

        // Inside a transaction that then rolls back, nothing it saw may stay cached.
        conn.execute_batch("BEGIN").unwrap();
        conn.execute("UPDATE t SET body = ?1 WHERE rowid = 40", [&long]).unwrap();
        assert_same_as_bm25(&conn);
        conn.execute_batch("ROLLBACK").unwrap();
        assert_same_as_bm25(&conn);
    }
}
