/**
 * A JQL subset parser: clauses joined with AND / OR / NOT and parentheses, then an optional ORDER BY.
 * Produces an AST; `jql-eval.ts` gives it meaning. Syntax errors throw JqlError with Jira's wording.
 */

export class JqlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JqlError';
  }
}

export type JqlValue = { kind: 'literal'; text: string; quoted: boolean } | { kind: 'function'; name: string } | { kind: 'empty' };

export type JqlOperator = '=' | '!=' | '~' | '!~' | 'in' | 'not in' | 'is' | 'is not' | '<' | '>' | '<=' | '>=';

export type JqlNode =
  { type: 'clause'; field: string; op: JqlOperator; values: JqlValue[] } | { type: 'and' | 'or'; children: JqlNode[] } | { type: 'not'; child: JqlNode };

export interface JqlSort {
  field: string;
  direction: 'ASC' | 'DESC';
}

export interface JqlQuery {
  where: JqlNode | null;
  orderBy: JqlSort[];
}

type Token =
  | { t: 'word'; v: string; pos: number }
  | { t: 'string'; v: string; pos: number }
  | { t: 'op'; v: string; pos: number }
  | { t: '(' | ')' | ','; v: string; pos: number }
  | { t: 'eof'; v: ''; pos: number };

const WORD = /[A-Za-z0-9_.\-[\]]/;

function where(pos: number): string {
  return `(line 1, character ${pos + 1})`;
}

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '(' || c === ')' || c === ',') {
      out.push({ t: c, v: c, pos: i });
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      const start = i;
      let v = '';
      i++;
      while (i < src.length && src[i] !== c) {
        if (src[i] === '\\' && i + 1 < src.length) {
          v += src[i + 1];
          i += 2;
          continue;
        }
        v += src[i++];
      }
      if (i >= src.length) throw new JqlError(`Error in the JQL Query: The quoted string '${v}' has not been completed. ${where(start)}`);
      i++;
      out.push({ t: 'string', v, pos: start });
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === '!=' || two === '!~' || two === '<=' || two === '>=') {
      out.push({ t: 'op', v: two, pos: i });
      i += 2;
      continue;
    }
    if (c === '=' || c === '~' || c === '<' || c === '>') {
      out.push({ t: 'op', v: c, pos: i });
      i++;
      continue;
    }
    if (WORD.test(c)) {
      const start = i;
      while (i < src.length && WORD.test(src[i])) i++;
      out.push({ t: 'word', v: src.slice(start, i), pos: start });
      continue;
    }
    throw new JqlError(
      `Error in the JQL Query: The character '${c}' is a reserved JQL character. You must enclose it in a string or use the escape '\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}' instead. ${where(i)}`,
    );
  }
  out.push({ t: 'eof', v: '', pos: src.length });
  return out;
}

const OPERATORS_MESSAGE = "The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'.";

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.i];
  }
  private next(): Token {
    return this.tokens[this.i++];
  }
  private isWord(v: string, tok = this.peek()): boolean {
    return tok.t === 'word' && tok.v.toLowerCase() === v;
  }
  private describe(tok: Token): string {
    return tok.t === 'eof' ? 'EOF' : `'${tok.v}'`;
  }

  parse(): JqlQuery {
    let whereNode: JqlNode | null = null;
    if (!this.isWord('order') && this.peek().t !== 'eof') whereNode = this.or();
    const orderBy: JqlSort[] = [];
    if (this.isWord('order')) {
      this.next();
      if (!this.isWord('by')) throw new JqlError(`Error in the JQL Query: Expecting 'by' but got ${this.describe(this.peek())}. ${where(this.peek().pos)}`);
      this.next();
      do {
        if (orderBy.length > 0) this.next(); // the comma
        const f = this.next();
        if (f.t !== 'word' && f.t !== 'string')
          throw new JqlError(`Error in the JQL Query: Expecting a field name but got ${this.describe(f)}. ${where(f.pos)}`);
        let direction: 'ASC' | 'DESC' = 'ASC';
        if (this.isWord('asc') || this.isWord('desc')) direction = this.next().v.toUpperCase() as 'ASC' | 'DESC';
        orderBy.push({ field: f.v.toLowerCase(), direction });
      } while (this.peek().t === ',');
      if (orderBy.length > 7) throw new JqlError('The ORDER BY clause can contain a maximum of 7 fields.');
    }
    const rest = this.peek();
    if (rest.t !== 'eof') throw new JqlError(`Error in the JQL Query: Expecting either 'OR' or 'AND' but got ${this.describe(rest)}. ${where(rest.pos)}`);
    return { where: whereNode, orderBy };
  }

  private or(): JqlNode {
    const children = [this.and()];
    while (this.isWord('or')) {
      this.next();
      children.push(this.and());
    }
    return children.length === 1 ? children[0] : { type: 'or', children };
  }

  private and(): JqlNode {
    const children = [this.unary()];
    while (this.isWord('and')) {
      this.next();
      children.push(this.unary());
    }
    return children.length === 1 ? children[0] : { type: 'and', children };
  }

  private unary(): JqlNode {
    if (this.isWord('not')) {
      this.next();
      return { type: 'not', child: this.unary() };
    }
    if (this.peek().t === '(') {
      this.next();
      const inner = this.or();
      const close = this.next();
      if (close.t !== ')') throw new JqlError(`Error in the JQL Query: Expecting ')' but got ${this.describe(close)}. ${where(close.pos)}`);
      return inner;
    }
    return this.clause();
  }

  private clause(): JqlNode {
    const f = this.next();
    if (f.t !== 'word' && f.t !== 'string') throw new JqlError(`Error in the JQL Query: Expecting a field name but got ${this.describe(f)}. ${where(f.pos)}`);
    const field = f.v.toLowerCase();
    const opTok = this.next();
    let op: JqlOperator;
    if (opTok.t === 'op') op = opTok.v as JqlOperator;
    else if (this.isWord('in', opTok)) op = 'in';
    else if (this.isWord('not', opTok) && this.isWord('in')) {
      this.next();
      op = 'not in';
    } else if (this.isWord('is', opTok)) {
      if (this.isWord('not')) {
        this.next();
        op = 'is not';
      } else op = 'is';
    } else throw new JqlError(`Error in the JQL Query: Expecting operator but got ${this.describe(opTok)}. ${OPERATORS_MESSAGE} ${where(opTok.pos)}`);

    if (op === 'in' || op === 'not in') {
      const open = this.next();
      if (open.t !== '(') throw new JqlError(`Error in the JQL Query: Expecting '(' but got ${this.describe(open)}. ${where(open.pos)}`);
      const values: JqlValue[] = [];
      if (this.peek().t === ')')
        throw new JqlError(`Error in the JQL Query: Expecting either a value, list or function but got ')'. ${where(this.peek().pos)}`);
      for (;;) {
        values.push(this.value());
        const sep = this.next();
        if (sep.t === ')') break;
        if (sep.t !== ',') throw new JqlError(`Error in the JQL Query: Expecting ',' or ')' but got ${this.describe(sep)}. ${where(sep.pos)}`);
      }
      return { type: 'clause', field, op, values };
    }
    if (op === 'is' || op === 'is not') {
      const v = this.next();
      if (!this.isWord('empty', v) && !this.isWord('null', v))
        throw new JqlError(`Error in the JQL Query: Expecting 'EMPTY' or 'NULL' but got ${this.describe(v)}. ${where(v.pos)}`);
      return { type: 'clause', field, op, values: [{ kind: 'empty' }] };
    }
    return { type: 'clause', field, op, values: [this.value()] };
  }

  private value(): JqlValue {
    const v = this.next();
    if (v.t === 'string') return { kind: 'literal', text: v.v, quoted: true };
    if (v.t === 'word') {
      if (this.peek().t === '(') {
        this.next();
        const close = this.next();
        if (close.t !== ')') throw new JqlError(`Error in the JQL Query: Expecting ')' but got ${this.describe(close)}. ${where(close.pos)}`);
        return { kind: 'function', name: v.v.toLowerCase() };
      }
      if (v.v.toLowerCase() === 'empty' || v.v.toLowerCase() === 'null') return { kind: 'empty' };
      return { kind: 'literal', text: v.v, quoted: false };
    }
    throw new JqlError(`Error in the JQL Query: Expecting either a value, list or function but got ${this.describe(v)}. ${where(v.pos)}`);
  }
}

export function parseJql(src: string): JqlQuery {
  return new Parser(tokenize(src)).parse();
}
