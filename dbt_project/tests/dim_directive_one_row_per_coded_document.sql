-- A coded document is one directive: no two dim_directive rows share type, number and code.
select directive_type, directive_number, directive_code, count(*) as rows
from {{ ref('dim_directive') }}
where directive_code is not null
group by all
having count(*) > 1
