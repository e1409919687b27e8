import type { ButtonHTMLAttributes, ComponentChildren, VNode } from 'preact';
import { t } from '../i18n';
import { setLang, useLang } from '../lib/i18n';
import { Link } from '../lib/router';

/**
 * Shared, accessible building blocks. Every control is at least 48 px tall, every input has a visible label,
 * help and error texts are tied to the input (aria-describedby), errors are announced (role="alert").
 */
export function Shell(props: { brand: string; home: string; nav?: ComponentChildren; children: ComponentChildren }): VNode {
  useLang();
  return (
    <>
      <a class="skip" href="#main">{t('common.skipToContent')}</a>
      <header class="top">
        <div class="top-in">
          <Link class="brand" href={props.home}>{props.brand}</Link>
          {props.nav && <nav class="nav" aria-label={t('common.menu')}>{props.nav}</nav>}
          <LangSwitch />
        </div>
      </header>
      <main id="main">{props.children}</main>
    </>
  );
}

export function LangSwitch(): VNode {
  const lang = useLang();
  const other = lang === 'vi' ? 'en' : 'vi';
  return (
    <button type="button" class="btn btn-ghost" lang={other} onClick={() => void setLang(other)}>
      {other === 'en' ? 'English' : 'Tiếng Việt'}
    </button>
  );
}

type ButtonProps = Omit<ButtonHTMLAttributes, 'type'> & {
  variant?: 'primary' | 'secondary' | 'ghost' | 'danger';
  block?: boolean;
  busy?: boolean;
  type?: 'button' | 'submit';
  disabled?: boolean;
};

export function Button({ variant = 'primary', block, busy, children, type = 'button', ...rest }: ButtonProps): VNode {
  const cls = ['btn', variant !== 'primary' && `btn-${variant}`, block && 'btn-block'].filter(Boolean).join(' ');
  return (
    <button {...rest} type={type} class={cls} disabled={busy || rest.disabled} aria-busy={busy ? 'true' : undefined}>
      {busy && <span class="spinner" aria-hidden="true" />}
      {children}
    </button>
  );
}

export function Alert(props: { tone?: 'info' | 'error' | 'ok' | 'warn'; children: ComponentChildren; id?: string }): VNode {
  const tone = props.tone ?? 'info';
  return <div id={props.id} class={`alert alert-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>{props.children}</div>;
}

export function Loading(props: { label?: string }): VNode {
  return <p role="status"><span class="spinner" aria-hidden="true" /> {props.label ?? t('common.loading')}</p>;
}

/** `titleLang`: the language of the title when it differs from the page (catalogue names are Vietnamese only). */
export function LinkCard(props: { href: string; title: string; detail?: string; titleLang?: string }): VNode {
  return (
    <Link class="link-card" href={props.href}>
      <strong lang={props.titleLang}>{props.title}</strong>
      {props.detail && <span>{props.detail}</span>}
    </Link>
  );
}

export interface FieldProps {
  id: string;
  label: string;
  help?: string;
  error?: string;
  required?: boolean;
  /** Search boxes and the like: no "(không bắt buộc)" after the label. */
  noOptionalMark?: boolean;
}

/** Label, help and error around one input; the input gets aria-describedby/aria-invalid through `describedBy`. */
export function Field(props: FieldProps & { children: (a11y: A11yProps) => ComponentChildren }): VNode {
  const helpId = props.help ? `${props.id}-help` : undefined;
  const errId = props.error ? `${props.id}-error` : undefined;
  const a11y: A11yProps = {
    id: props.id,
    'aria-describedby': [helpId, errId].filter(Boolean).join(' ') || undefined,
    'aria-invalid': props.error ? 'true' : undefined,
    required: props.required,
  };
  return (
    <div class={props.error ? 'field field-invalid' : 'field'}>
      <label for={props.id}>{props.label}{props.required || props.noOptionalMark ? '' : ` ${t('common.optional')}`}</label>
      {props.help && <p class="help" id={helpId}>{props.help}</p>}
      {props.children(a11y)}
      {props.error && <p class="error-text" id={errId} role="alert">{props.error}</p>}
    </div>
  );
}

export interface A11yProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: 'true';
  required?: boolean;
}

type InputProps = FieldProps & {
  value: string;
  onValue: (v: string) => void;
  type?: 'text' | 'tel' | 'date' | 'number' | 'search' | 'password' | 'email';
  inputMode?: 'text' | 'numeric' | 'tel' | 'search' | 'decimal';
  autoComplete?: string;
  maxLength?: number;
  placeholder?: string;
  name?: string;
  enterKeyHint?: 'done' | 'go' | 'next' | 'search' | 'send';
  lang?: string;
};

export function TextField({ id, label, help, error, required, noOptionalMark, value, onValue, ...rest }: InputProps): VNode {
  return (
    <Field id={id} label={label} help={help} error={error} required={required} noOptionalMark={noOptionalMark}>
      {(a11y) => (
        // Preact 11 types `type` as a discriminated union; the props above are already restricted.
        <input {...(rest as Record<string, unknown>)} {...a11y} class="input" value={value} onInput={(e) => onValue((e.currentTarget as HTMLInputElement).value)} />
      )}
    </Field>
  );
}

export function TextAreaField(props: FieldProps & { value: string; onValue: (v: string) => void; maxLength?: number }): VNode {
  return (
    <Field {...props}>
      {(a11y) => (
        <textarea {...a11y} class="input" value={props.value} maxLength={props.maxLength} rows={4}
          onInput={(e) => props.onValue((e.currentTarget as HTMLTextAreaElement).value)} />
      )}
    </Field>
  );
}

export function SelectField(props: FieldProps & { value: string; onValue: (v: string) => void; options: { value: string; label: string }[] }): VNode {
  return (
    <Field {...props}>
      {(a11y) => (
        <select {...a11y} class="input" value={props.value} onChange={(e) => props.onValue((e.currentTarget as HTMLSelectElement).value)}>
          <option value="">{t('common.choose')}</option>
          {props.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      )}
    </Field>
  );
}

export function CheckboxField(props: Omit<FieldProps, 'help'> & { help?: string; checked: boolean; onValue: (v: boolean) => void }): VNode {
  const errId = props.error ? `${props.id}-error` : undefined;
  const helpId = props.help ? `${props.id}-help` : undefined;
  return (
    <div class={props.error ? 'field field-invalid' : 'field'}>
      {props.help && <p class="help" id={helpId}>{props.help}</p>}
      <label class="check" for={props.id}>
        <input type="checkbox" id={props.id} checked={props.checked} aria-invalid={props.error ? 'true' : undefined}
          aria-describedby={[helpId, errId].filter(Boolean).join(' ') || undefined}
          onChange={(e) => props.onValue((e.currentTarget as HTMLInputElement).checked)} />
        <span>{props.label}</span>
      </label>
      {props.error && <p class="error-text" id={errId} role="alert">{props.error}</p>}
    </div>
  );
}

export function Facts(props: { items: [string, ComponentChildren][] }): VNode {
  return (
    <dl class="facts">
      {props.items.map(([k, v]) => <><dt>{k}</dt><dd>{v}</dd></>)}
    </dl>
  );
}
