//! Figures the performance tests measure: always printed, and appended as JSON rows (metric,
//! median, p95, unit, input) to the file `$BYLINE_APP_FIGURES` names, which `make bench`
//! merges into its table. Tests never assert on them: timings vary with the machine.

use std::io::Write;

use anyhow::{Context, Result};
use serde_json::json;

/// Names the file the figures are appended to (one JSON object a line).
pub const FIGURES_ENV: &str = "BYLINE_APP_FIGURES";

/// One measured figure.
#[derive(Debug, Clone)]
pub struct Figure {
    /// Metric name, e.g. `app/keystroke_to_preview_article`.
    pub metric: String,
    /// Median of the samples.
    pub median: f64,
    /// 95th percentile of the samples.
    pub p95: f64,
    /// Largest sample.
    pub max: f64,
    /// How many samples.
    pub samples: usize,
    /// Unit of the values (`ms`, `MiB`).
    pub unit: String,
    /// What was measured on.
    pub input: String,
}

impl Figure {
    /// Median, p95 and max of `samples`; `None` when there are none.
    pub fn of(metric: &str, unit: &str, input: &str, samples: &[f64]) -> Option<Figure> {
        let mut sorted = samples.to_vec();
        sorted.sort_by(f64::total_cmp);
        let max = *sorted.last()?;
        Some(Figure {
            metric: metric.into(),
            median: percentile(&sorted, 50.0),
            p95: percentile(&sorted, 95.0),
            max,
            samples: sorted.len(),
            unit: unit.into(),
            input: input.into(),
        })
    }

    /// Reports each non-empty sample set of an app run as `app/{metric}_{name}` (ms), measured
    /// on `input`.
    pub fn report_app_ms(name: &str, input: &str, sets: &[(&str, &[f64])]) -> Result<()> {
        for (metric, values) in sets {
            if let Some(figure) = Figure::of(&format!("app/{metric}_{name}"), "ms", input, values) {
                figure.report()?;
            }
        }
        Ok(())
    }

    /// A single measurement (median = p95 = the value).
    pub fn single(metric: &str, unit: &str, input: &str, value: f64) -> Figure {
        Figure {
            metric: metric.into(),
            median: value,
            p95: value,
            max: value,
            samples: 1,
            unit: unit.into(),
            input: input.into(),
        }
    }

    /// Prints the figure and, when `$BYLINE_APP_FIGURES` is set, appends it there.
    pub fn report(&self) -> Result<()> {
        println!(
            "[perf] {}: median {:.1} {unit}, p95 {:.1} {unit}, max {:.1} {unit} ({} samples; {}; {} app)",
            self.metric,
            self.median,
            self.p95,
            self.max,
            self.samples,
            self.input,
            app_build(),
            unit = self.unit
        );
        let Some(path) = std::env::var_os(FIGURES_ENV) else { return Ok(()) };
        let row = json!({
            "metric": self.metric,
            "median": self.median,
            "p95": self.p95,
            "unit": self.unit,
            "input": format!("{}; {} app", self.input, app_build()),
            "samples": self.samples,
        });
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)
            .with_context(|| format!("opening ${FIGURES_ENV} = {}", path.to_string_lossy()))?;
        writeln!(file, "{row}").with_context(|| format!("writing {}", path.to_string_lossy()))
    }
}

/// Which build of the app is measured: `release` when `$BYLINE_APP` is a release binary.
pub fn app_build() -> &'static str {
    let release = crate::paths::app_binary().is_ok_and(|path| path.components().any(|c| c.as_os_str() == "release"));
    if release {
        "release"
    } else {
        "debug"
    }
}

/// The `p`th percentile of ascending `sorted` (nearest rank); `sorted` must not be empty.
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    let rank = ((p / 100.0) * (sorted.len() as f64 - 1.0)).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}
