{#
    New rows arrive in raw.wizards, as a loader would deliver them:
    `kiln run-operation simulate_new_wizards --args '{count: 2}'`.
#}
{% macro simulate_new_wizards(count=1) %}
    {% set next_id = run_query("select coalesce(max(wizard_id), 0) + 1 from raw.wizards").columns[0].values()[0] %}
    {% for i in range(count) %}
        {% set wizard_id = next_id + i %}
        {% do run_query(
            "insert into raw.wizards values (" ~ wizard_id ~ ", 'Apprentice " ~ wizard_id
            ~ "', 1, 'apprentice" ~ wizard_id ~ "@roke.edu', current_timestamp::timestamp)") %}
    {% endfor %}
    {{ log("Added " ~ count ~ " wizard(s) to raw.wizards", info=true) }}
{% endmacro %}
