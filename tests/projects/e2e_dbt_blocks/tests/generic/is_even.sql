{# A generic test under test-paths/generic: dbt reads it as a macro, not a singular test. #}
{% test is_even(model, column_name) %}
    select {{ column_name }}
    from {{ model }}
    where {{ column_name }} % 2 <> 0
{% endtest %}
