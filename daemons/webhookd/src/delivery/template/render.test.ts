import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SecurityError, TemplateError, UndefinedError } from './errors.js';
import { renderTemplate } from './render.js';

const vars = {
  event_name: 'user_created',
  wazo_uuid: 'w-1',
  event: { uuid: 'u-1', name: 'Alice', tags: ['a', 'b'], n: 3, nested: { x: 1 }, none: null },
};
const render = (source: string, limits?: { maxSteps: number; maxOutput: number }) =>
  renderTemplate(source, vars, limits);

describe('webhook templates (Jinja2 syntax)', () => {
  it('when a template uses Wazo variables, then they render as Jinja2 would', () => {
    assert.equal(
      render('http://h/{{ event_name }}/{{ event.uuid }}?w={{ wazo_uuid }}'),
      'http://h/user_created/u-1?w=w-1',
    );
    assert.equal(render("{{ event['name'] }} {{ event.tags[1] }} {{ event.tags.0 }}"), 'Alice b a');
    assert.equal(render('{{ event|tojson }}'), JSON.stringify(vars.event));
    assert.equal(
      render('{{ event.nested }} {{ event.tags }} {{ event.none }} {{ true }}'),
      "{'x': 1} ['a', 'b'] None True",
    );
  });

  it('when statements are used, then if/elif/else, for with loop and set behave as Jinja2', () => {
    assert.equal(
      render(
        '{% for t in event.tags %}{{ loop.index }}{{ t }}{% if not loop.last %},{% endif %}{% endfor %}',
      ),
      '1a,2b',
    );
    assert.equal(
      render('{% if event.n > 5 %}big{% elif event.n == 3 %}three{% else %}small{% endif %}'),
      'three',
    );
    assert.equal(render('{% for k, v in event.nested.items() %}{{ k }}={{ v }}{% endfor %}'), 'x=1');
    assert.equal(render('{% set x = event.n * 2 %}{{ x }}-{{ "a" ~ x }}'), '6-a6');
    assert.equal(render('{% for t in event.missing %}x{% else %}empty{% endfor %}'), 'empty');
    assert.equal(render('  {%- if true -%}  yes  {%- endif %}'), 'yes');
    assert.equal(
      render('{{ event.name|upper }} {{ event.missing|default("d") }} {{ event.tags|join("+") }}'),
      'ALICE d a+b',
    );
    assert.equal(
      render('{{ "b" in event.tags }} {{ event.missing is defined }} {{ event.name.lower() }}'),
      'True False alice',
    );
    assert.equal(render('{{ event.x if event.n else "no" }}{# comment #}'), '');
  });

  it('when a name is undefined, then it renders empty, and an attribute of it fails', () => {
    assert.equal(render('[{{ nothing }}][{{ event.missing }}]'), '[][]');
    assert.throws(() => render('{{ nothing.at.all }}'), UndefinedError);
  });

  it('when a template reaches for JavaScript internals, then the sandbox refuses', () => {
    const escapes = [
      "{{ ''.constructor.constructor('return process')() }}",
      '{{ event.constructor.constructor("return process")() }}',
      "{{ range.constructor(\"return global.process.mainModule.require('child_process').execSync('id')\")() }}",
      '{{ cycler.constructor("return process")() }}',
      '{{ joiner.constructor("return this")() }}',
      '{{ event.__proto__.constructor }}',
      "{{ event['__proto__']['constructor']['constructor']('return 1')() }}",
      '{{ event.tags.constructor.constructor("return 1")() }}',
      '{{ lipsum.__globals__ }}',
      '{{ self.__init__.__globals__ }}',
      '{{ event.name.__class__.__mro__[1].__subclasses__() }}',
      '{{ event.tags.map.call }}',
      '{{ event.toString() }}',
      '{{ event.hasOwnProperty("uuid") }}',
    ];
    for (const source of escapes) {
      let output: string | undefined;
      try {
        output = render(source);
      } catch (err) {
        assert.ok(err instanceof TemplateError, `${source}: ${String(err)}`);
        continue;
      }
      // Whatever did not throw rendered nothing at all: undefined, never an object.
      assert.equal(output, '', source);
    }
    assert.throws(() => render("{{ ''.constructor.constructor('return process')() }}"), SecurityError);
    assert.throws(() => render('{{ event.toString() }}'), SecurityError);
  });

  it('when a template loops or grows without end, then its budgets stop it', () => {
    const limits = { maxSteps: 10_000, maxOutput: 10_000 };
    const tags = Array.from({ length: 200 }, (_, i) => i);
    const many = { ...vars, event: { tags } };
    assert.throws(
      () =>
        renderTemplate(
          '{% for a in event.tags %}{% for b in event.tags %}{% for c in event.tags %}x{% endfor %}{% endfor %}{% endfor %}',
          many,
          limits,
        ),
      /steps/,
    );
    assert.throws(
      () => render('{% for i in [1,2,3,4,5,6,7,8,9,10] %}{{ "abcdefghij" * 200 }}{% endfor %}', limits),
      SecurityError,
    );
    assert.throws(() => render('{{ "x" * 100000000 }}', limits), SecurityError);
    assert.throws(
      () =>
        render('{{ ((event.tags + event.tags) + (event.tags + event.tags)) * 1 }}', {
          maxSteps: 100,
          maxOutput: 3,
        }),
      SecurityError,
    );
    assert.throws(() => render('{{ 10 ** 1000 }}', limits), SecurityError);
  });

  it('when a template is malformed, then it fails with a TemplateError', () => {
    for (const bad of [
      '{{ event.',
      '{% if x %}no end',
      '{% while true %}{% endwhile %}',
      '{{ event|nofilter }}',
      '{{ 1 / 0 }}',
    ])
      assert.throws(() => render(bad), TemplateError, bad);
  });
});
