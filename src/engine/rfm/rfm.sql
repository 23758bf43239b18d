-- RFM scores and segments (Retorno, issue 12): the rule of src/engine/rfm/mod.rs as one
-- query, written for DuckDB and PostgreSQL (BigQuery notes in docs/RFM.md).
--
-- Input: transactions(customer_id TEXT, invoice TEXT, invoice_date DATE, amount DECIMAL),
-- one row per kept invoice line (cleaning done when loading: see docs/RFM.md). When the
-- file has no invoice column, load invoice as the date's text: frequency then counts
-- distinct purchase dates. To fix the reference date, replace the `reference` CTE by
-- SELECT DATE '2011-12-10' AS reference_date.
--
-- Quintiles: numpy.quantile's default ("linear"). With n values sorted ascending at
-- positions 0 … n-1, the k/5 quantile (k = 1…4) lies at h = (n-1)·k/5; with
-- i = floor(h) and rem = MOD((n-1)·k, 5), it is x_i + (rem/5)·(x_{i+1} − x_i). A value
-- v is strictly above it exactly when 5·v > 5·x_i + rem·(x_{i+1} − x_i): integer and
-- decimal arithmetic only, so no rounding, and no dialect's percentile function.
WITH per_customer AS (
    SELECT customer_id,
           MAX(invoice_date)       AS last_date,
           COUNT(DISTINCT invoice) AS frequency,
           SUM(amount)             AS monetary
    FROM transactions
    GROUP BY customer_id
),
reference AS (
    SELECT MAX(last_date) + 1 AS reference_date FROM per_customer
),
measures AS (
    SELECT p.customer_id,
           r.reference_date - p.last_date AS recency,
           p.frequency,
           p.monetary
    FROM per_customer p CROSS JOIN reference r
),
-- One row per customer and measure.
long_values AS (
    SELECT customer_id, 'r' AS measure, CAST(recency AS DECIMAL(38, 6)) AS value FROM measures
    UNION ALL
    SELECT customer_id, 'f', CAST(frequency AS DECIMAL(38, 6)) FROM measures
    UNION ALL
    SELECT customer_id, 'm', CAST(monetary AS DECIMAL(38, 6)) FROM measures
),
ranked AS (
    SELECT measure,
           value,
           ROW_NUMBER() OVER (PARTITION BY measure ORDER BY value) - 1 AS pos,
           COUNT(*) OVER (PARTITION BY measure) AS n
    FROM long_values
),
ks AS (
    SELECT 1 AS k UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4
),
-- 5 × each threshold, exactly: lo.pos = floor((n-1)·k / 5).
thresholds AS (
    SELECT lo.measure,
           ks.k,
           5 * lo.value
             + MOD((lo.n - 1) * ks.k, 5) * (COALESCE(hi.value, lo.value) - lo.value) AS t5
    FROM ranked lo
    CROSS JOIN ks
    LEFT JOIN ranked hi
      ON hi.measure = lo.measure AND hi.pos = lo.pos + 1
    WHERE 5 * lo.pos <= (lo.n - 1) * ks.k
      AND (lo.n - 1) * ks.k < 5 * (lo.pos + 1)
),
-- How many thresholds are strictly below each value.
above AS (
    SELECT v.customer_id,
           v.measure,
           SUM(CASE WHEN 5 * v.value > t.t5 THEN 1 ELSE 0 END) AS below
    FROM long_values v
    JOIN thresholds t ON t.measure = v.measure
    GROUP BY v.customer_id, v.measure
),
scores AS (
    SELECT customer_id,
           5 - MAX(CASE WHEN measure = 'r' THEN below END) AS r,
           1 + MAX(CASE WHEN measure = 'f' THEN below END) AS f,
           1 + MAX(CASE WHEN measure = 'm' THEN below END) AS m
    FROM above
    GROUP BY customer_id
)
SELECT m.customer_id AS customer,
       m.recency,
       m.frequency,
       m.monetary,
       s.r,
       s.f,
       s.m,
       CASE
           WHEN s.r = 5 AND s.f >= 4 THEN 'champions'
           WHEN s.r IN (3, 4) AND s.f >= 4 THEN 'loyal'
           WHEN s.r >= 4 AND s.f IN (2, 3) THEN 'potential_loyalists'
           WHEN s.r = 5 THEN 'new'
           WHEN s.r = 4 THEN 'promising'
           WHEN s.r = 3 AND s.f = 3 THEN 'need_attention'
           WHEN s.r = 3 THEN 'about_to_sleep'
           WHEN s.f = 5 THEN 'cant_lose'
           WHEN s.f >= 3 THEN 'at_risk'
           ELSE 'hibernating'
       END AS segment
FROM measures m
JOIN scores s ON s.customer_id = m.customer_id
ORDER BY m.customer_id
