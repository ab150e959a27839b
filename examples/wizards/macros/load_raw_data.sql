{#
    Loads the raw tables the sources read: `kiln run-operation load_raw_data`.
    Safe to run again: it replaces the tables with the same rows.
#}
{% macro load_raw_data() %}
    {% do run_query("create schema if not exists raw") %}
    {% do run_query("
        create or replace table raw.worlds as
        select * from (values
            (1, 'Earthsea'), (2, 'Discworld'), (3, 'Middle-earth')
        ) as t(world_id, world_name)") %}
    {% do run_query("
        create or replace table raw.wizards as
        select * from (values
            (1, ' Ged ', 1, 'Ged@Roke.edu', timestamp '2024-01-01 09:00:00'),
            (2, 'Rincewind', 2, 'rincewind@UU.ac', timestamp '2024-01-02 10:00:00'),
            (3, 'Gandalf', 3, 'gandalf@istari.org', timestamp '2024-01-03 11:00:00'),
            (4, 'Granny Weatherwax', 2, 'esme@lancre.org', timestamp '2024-01-04 12:00:00')
        ) as t(wizard_id, wizard_name, world_id, email, created_at)") %}
    {% do run_query("
        create or replace table raw.wands as
        select * from (values
            (10, 1, 'Yew', 'dragon heartstring', 11.5),
            (11, 2, 'Willow', 'unicorn hair', 9.0),
            (12, 3, 'Elder', 'phoenix feather', 13.0),
            (13, 3, 'Holly', 'phoenix feather', 11.0)
        ) as t(wand_id, wizard_id, wood, core, length_in)") %}
    {% do run_query("
        create or replace table raw.orders as
        select * from (values
            (100, 1, 10, timestamp '2024-02-01 08:00:00', 1250),
            (101, 2, 11, timestamp '2024-02-03 09:30:00', 800),
            (102, 3, 12, timestamp '2024-03-05 14:00:00', 4000),
            (103, 3, 13, timestamp '2024-03-06 15:00:00', 2200)
        ) as t(order_id, wizard_id, wand_id, ordered_at, amount_cents)") %}
    {{ log("Loaded raw.worlds, raw.wizards, raw.wands and raw.orders", info=true) }}
{% endmacro %}
