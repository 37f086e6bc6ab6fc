"""Assets grouped by domain: crawl, landing, dbt models, publish."""
