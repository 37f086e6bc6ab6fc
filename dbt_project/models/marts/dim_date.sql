-- One row per calendar day from 1945 (the oldest documents the articles cite) to the end of 2035.
select
    cast(day as date) as date_day,
    year(day) as year,
    quarter(day) as quarter,
    month(day) as month,
    'Tháng ' || month(day) as month_name_vi,
    strftime(day, '%B') as month_name_en,
    day(day) as day_of_month,
    isodow(day) as iso_day_of_week,
    weekofyear(day) as iso_week,
    isodow(day) >= 6 as is_weekend,
    cast(date_trunc('month', day) as date) as month_start,
    cast(date_trunc('year', day) as date) as year_start
from range(timestamp '1945-01-01', timestamp '2036-01-01', interval 1 day) as days(day)
