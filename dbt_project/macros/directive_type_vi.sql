{#- The Vietnamese name of a directive type code ('chi_thi' -> 'Chỉ thị'). -#}
{% macro directive_type_vi(column) -%}
    case {{ column }}
        when 'chi_thi' then 'Chỉ thị'
        when 'nghi_quyet' then 'Nghị quyết'
        when 'ket_luan' then 'Kết luận'
        when 'ke_hoach' then 'Kế hoạch'
        when 'cong_van' then 'Công văn'
        when 'chuong_trinh' then 'Chương trình'
        when 'quyet_dinh' then 'Quyết định'
        when 'thong_bao' then 'Thông báo'
        when 'huong_dan' then 'Hướng dẫn'
        when 'nghi_dinh' then 'Nghị định'
        when 'thong_tu' then 'Thông tư'
        when 'luat' then 'Luật'
        else 'Văn bản'
    end
{%- endmacro %}
