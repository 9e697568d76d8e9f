// @ts-check

/**
 * Counts the database keeps as the register changes, so the KPIs and the maturity assessment read
 * a few hundred summary rows instead of scanning every asset (see src/analytics/registerSummary.ts):
 *
 * - `itam_assets.ticketed` / `catalogued`: whether the asset has a Jira ticket link / a catalogue
 *   entity link, kept by triggers on the link tables;
 * - `itam_register_summary`: assets per lifecycle stage, class, owned or not, lifecycle facts,
 *   ticketed and catalogued;
 * - `itam_cost_summary`: costed assets and their purchase cost per currency, purchase day ('' when
 *   undated) and lifecycle stage.
 *
 * Triggers on `itam_assets` keep both, so every write path (the store, imports, rollbacks, bulk
 * inserts, cascades) is counted in the transaction that writes. On SQLite (one writer) they
 * update the summaries directly. On PostgreSQL, where transactions write concurrently, a
 * statement-level trigger appends the statement's net change to a `..._deltas` table instead:
 * writers never wait on one another for a shared count row. Readers add the deltas to the
 * summary, and fold them in now and then (`foldRegisterSummaryDeltas`).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  const pg = knex.client.config.client === 'pg';
  await knex.schema.alterTable('itam_assets', table => {
    table.integer('ticketed').notNullable().defaultTo(0);
    table.integer('catalogued').notNullable().defaultTo(0);
  });
  await knex.raw(
    'update itam_assets set ticketed = 1 where exists (select 1 from itam_ticket_links l where l.asset_id = itam_assets.id)',
  );
  await knex.raw(
    'update itam_assets set catalogued = 1 where exists (select 1 from itam_entity_links l where l.asset_id = itam_assets.id)',
  );

  const registerKey = ['lifecycle_stage', 'asset_class', 'owned', 'lifecycle_facts', 'ticketed', 'catalogued'];
  const costKey = ['purchase_currency', 'purchase_date', 'lifecycle_stage'];
  const moneyType = pg ? 'numeric(40,0)' : 'integer';
  /** @param {import('knex').Knex.CreateTableBuilder} table */
  const registerColumns = table => {
    table.string('lifecycle_stage', 16).notNullable();
    table.string('asset_class', 16).notNullable();
    table.integer('owned').notNullable();
    table.integer('lifecycle_facts').notNullable();
    table.integer('ticketed').notNullable();
    table.integer('catalogued').notNullable();
    table.bigInteger('n').notNullable();
  };
  /** @param {import('knex').Knex.CreateTableBuilder} table */
  const costColumns = table => {
    table.string('purchase_currency', 3).notNullable();
    table.string('purchase_date', 10).notNullable();
    table.string('lifecycle_stage', 16).notNullable();
    table.bigInteger('n').notNullable();
    table.specificType('cost_minor', moneyType).notNullable();
  };
  await knex.schema.createTable('itam_register_summary', table => {
    registerColumns(table);
    table.primary(registerKey);
  });
  await knex.schema.createTable('itam_cost_summary', table => {
    costColumns(table);
    table.primary(costKey);
  });
  await knex.schema.createTable('itam_register_summary_deltas', table => {
    table.bigIncrements('id').primary();
    registerColumns(table);
  });
  await knex.schema.createTable('itam_cost_summary_deltas', table => {
    table.bigIncrements('id').primary();
    costColumns(table);
  });

  await knex.raw(`insert into itam_register_summary (${registerKey.join(', ')}, n)
    select lifecycle_stage, asset_class, case when owner is null then 0 else 1 end, lifecycle_facts, ticketed, catalogued, count(*)
    from itam_assets group by 1, 2, 3, 4, 5, 6`);
  await knex.raw(`insert into itam_cost_summary (${costKey.join(', ')}, n, cost_minor)
    select purchase_currency, coalesce(purchase_date, ''), lifecycle_stage, count(*), coalesce(sum(purchase_cost_minor), 0)
    from itam_assets where purchase_currency is not null group by 1, 2, 3`);

  // The maturity assessment lists the first lacking ids in byte order (as @itam/common sorts
  // them): on PostgreSQL that order needs its own index, or every asset is sorted per request.
  if (pg) await knex.raw('create index itam_assets_id_bytes_idx on itam_assets (id collate "C")');
  if (pg) await createPostgresTriggers(knex, registerKey, costKey);
  else await createSqliteTriggers(knex, registerKey, costKey);
};

/**
 * @param {import('knex').Knex} knex
 * @param {string[]} registerKey
 * @param {string[]} costKey
 */
async function createSqliteTriggers(knex, registerKey, costKey) {
  /** @param {'new' | 'old'} row @param {1 | -1} sign */
  const count = (row, sign) => `
    insert into itam_register_summary (${registerKey.join(', ')}, n)
      values (${row}.lifecycle_stage, ${row}.asset_class, ${row}.owner is not null, ${row}.lifecycle_facts,
              ${row}.ticketed, ${row}.catalogued, ${sign})
      on conflict (${registerKey.join(', ')}) do update set n = itam_register_summary.n + excluded.n;
    insert into itam_cost_summary (${costKey.join(', ')}, n, cost_minor)
      select ${row}.purchase_currency, coalesce(${row}.purchase_date, ''), ${row}.lifecycle_stage, ${sign},
             ${sign} * coalesce(${row}.purchase_cost_minor, 0)
      where ${row}.purchase_currency is not null
      on conflict (${costKey.join(', ')}) do update
        set n = itam_cost_summary.n + excluded.n, cost_minor = itam_cost_summary.cost_minor + excluded.cost_minor;`;
  const counted = 'lifecycle_stage, asset_class, owner, lifecycle_facts, ticketed, catalogued, purchase_currency, purchase_date, purchase_cost_minor';
  await knex.raw(`create trigger itam_assets_summary_insert after insert on itam_assets begin ${count('new', 1)} end`);
  await knex.raw(`create trigger itam_assets_summary_delete after delete on itam_assets begin ${count('old', -1)} end`);
  await knex.raw(
    `create trigger itam_assets_summary_update after update of ${counted} on itam_assets begin ${count('old', -1)} ${count('new', 1)} end`,
  );
  for (const [links, flag] of [['itam_ticket_links', 'ticketed'], ['itam_entity_links', 'catalogued']]) {
    await knex.raw(`create trigger ${links}_flag_insert after insert on ${links} begin
      update itam_assets set ${flag} = 1 where id = new.asset_id and ${flag} = 0;
    end`);
    await knex.raw(`create trigger ${links}_flag_delete after delete on ${links} begin
      update itam_assets set ${flag} = 0 where id = old.asset_id and ${flag} = 1
        and not exists (select 1 from ${links} l where l.asset_id = old.asset_id);
    end`);
  }
}

/**
 * @param {import('knex').Knex} knex
 * @param {string[]} registerKey
 * @param {string[]} costKey
 */
async function createPostgresTriggers(knex, registerKey, costKey) {
  const registerOf = (/** @type {string} */ rows, /** @type {string} */ sign) =>
    `select lifecycle_stage, asset_class, case when owner is null then 0 else 1 end, lifecycle_facts, ticketed, catalogued, ${sign} as n from ${rows}`;
  const costOf = (/** @type {string} */ rows, /** @type {string} */ sign) =>
    `select purchase_currency, coalesce(purchase_date, ''), lifecycle_stage, ${sign} as n, ${sign} * coalesce(purchase_cost_minor, 0) as cost_minor
     from ${rows} where purchase_currency is not null`;
  const appendRegister = (/** @type {string} */ changes) => `
    insert into itam_register_summary_deltas (${registerKey.join(', ')}, n)
      select ${registerKey.map((_, i) => `c${i}`).join(', ')}, sum(n) from (${changes}) as c (${registerKey.map((_, i) => `c${i}`).join(', ')}, n)
      group by ${registerKey.map((_, i) => `c${i}`).join(', ')} having sum(n) <> 0;`;
  const appendCost = (/** @type {string} */ changes) => `
    insert into itam_cost_summary_deltas (${costKey.join(', ')}, n, cost_minor)
      select c0, c1, c2, sum(n), sum(cost_minor) from (${changes}) as c (c0, c1, c2, n, cost_minor)
      group by c0, c1, c2 having sum(n) <> 0 or sum(cost_minor) <> 0;`;
  await knex.raw(`create function itam_assets_summary_deltas() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        ${appendRegister(registerOf('new_rows', '1'))}
        ${appendCost(costOf('new_rows', '1'))}
      elsif tg_op = 'DELETE' then
        ${appendRegister(registerOf('old_rows', '-1'))}
        ${appendCost(costOf('old_rows', '-1'))}
      else
        ${appendRegister(`${registerOf('old_rows', '-1')} union all ${registerOf('new_rows', '1')}`)}
        ${appendCost(`${costOf('old_rows', '-1')} union all ${costOf('new_rows', '1')}`)}
      end if;
      return null;
    end $$`);
  await knex.raw(`create trigger itam_assets_summary_insert after insert on itam_assets
    referencing new table as new_rows for each statement execute function itam_assets_summary_deltas()`);
  await knex.raw(`create trigger itam_assets_summary_delete after delete on itam_assets
    referencing old table as old_rows for each statement execute function itam_assets_summary_deltas()`);
  await knex.raw(`create trigger itam_assets_summary_update after update on itam_assets
    referencing old table as old_rows new table as new_rows for each statement execute function itam_assets_summary_deltas()`);

  for (const [links, flag] of [['itam_ticket_links', 'ticketed'], ['itam_entity_links', 'catalogued']]) {
    // The ids whose flag changes are found by primary key and updated in one statement, if any
    // (each UPDATE statement fires the asset table's statement triggers, even one that changes no
    // row). Run through EXECUTE, so each is planned with the table as it is: plpgsql keeps the
    // plan of a static statement, possibly made while the register held a few rows.
    await knex.raw(`create function ${links}_flag() returns trigger language plpgsql as $$
      declare
        changed varchar[];
      begin
        if tg_op = 'INSERT' then
          execute 'select array_agg(a.id) from itam_assets a where a.id = any ($1) and a.${flag} = 0'
            into changed using array(select distinct asset_id from new_rows);
          if changed is not null then
            execute 'update itam_assets set ${flag} = 1 where id = any ($1)' using changed;
          end if;
        else
          execute 'select array_agg(a.id) from itam_assets a where a.id = any ($1) and a.${flag} = 1
              and not exists (select 1 from ${links} k where k.asset_id = a.id)'
            into changed using array(select distinct asset_id from old_rows);
          if changed is not null then
            execute 'update itam_assets set ${flag} = 0 where id = any ($1)' using changed;
          end if;
        end if;
        return null;
      end $$`);
    await knex.raw(`create trigger ${links}_flag_insert after insert on ${links}
      referencing new table as new_rows for each statement execute function ${links}_flag()`);
    await knex.raw(`create trigger ${links}_flag_delete after delete on ${links}
      referencing old table as old_rows for each statement execute function ${links}_flag()`);
  }
}

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  const pg = knex.client.config.client === 'pg';
  for (const trigger of ['itam_assets_summary_insert', 'itam_assets_summary_delete', 'itam_assets_summary_update']) {
    await knex.raw(pg ? `drop trigger ${trigger} on itam_assets` : `drop trigger ${trigger}`);
  }
  for (const links of ['itam_ticket_links', 'itam_entity_links']) {
    for (const trigger of [`${links}_flag_insert`, `${links}_flag_delete`]) {
      await knex.raw(pg ? `drop trigger ${trigger} on ${links}` : `drop trigger ${trigger}`);
    }
    if (pg) await knex.raw(`drop function ${links}_flag()`);
  }
  if (pg) await knex.raw('drop function itam_assets_summary_deltas()');
  if (pg) await knex.raw('drop index itam_assets_id_bytes_idx');
  for (const table of ['itam_cost_summary_deltas', 'itam_register_summary_deltas', 'itam_cost_summary', 'itam_register_summary']) {
    await knex.schema.dropTable(table);
  }
  await knex.schema.alterTable('itam_assets', table => {
    table.dropColumn('ticketed');
    table.dropColumn('catalogued');
  });
};
