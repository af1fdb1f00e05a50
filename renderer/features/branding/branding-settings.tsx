import { useMemo, useState, type CSSProperties } from 'react';
import { ErrorState, QueryView } from '../../components/query-state';
import { TextField } from '../../components/text-field';
import { CoverPage } from '../../../shared/reports/components/report-parts';
import { defaultBranding, emptyProposalText, fontStacks, maxLogoBytes, reportFonts, type BrandingProfile, type ProposalTextDefaults, type ReportFont } from '../../../shared/reports/branding';
import { checkBrandingContrast, wcagAaText } from '../../../shared/reports/contrast';
import { ReportTextProvider } from '../../../shared/reports/components/report-text';
import { createTranslator } from '../../../shared/i18n/translator';
import { useText } from '../../i18n/app-intl';
import { useReportStylesheet } from '../reports/use-report-stylesheet';
import { fileToBase64, useBrandingProfiles, useDeleteBranding, useSaveBranding, useSetLogo } from './use-branding';
import './branding.css';

type Draft = Pick<BrandingProfile, 'name' | 'partnerName' | 'primaryColor' | 'accentColor' | 'font' | 'contact' | 'footer' | 'disclaimer' | 'isDefault' | 'proposalText'> & { id?: string };

const blank: Draft = { name: '', partnerName: '', primaryColor: defaultBranding.primaryColor, accentColor: defaultBranding.accentColor, font: 'DejaVu Sans', contact: '', footer: '', disclaimer: '', isDefault: false, proposalText: emptyProposalText };

const toDraft = (p: BrandingProfile): Draft => ({ id: p.id, name: p.name, partnerName: p.partnerName, primaryColor: p.primaryColor, accentColor: p.accentColor, font: p.font, contact: p.contact, footer: p.footer, disclaimer: p.disclaimer, isDefault: p.isDefault, proposalText: p.proposalText });

/** The wording every proposal of this profile starts from; a case's proposal settings can replace each part. */
const ProposalWording = ({ value, onChange }: { value: ProposalTextDefaults; onChange: (v: ProposalTextDefaults) => void }) => {
  const { t } = useText();
  return (
    <fieldset className="form-section">
      <legend>{t('branding.wording')}</legend>
      <p className="field-hint">{t('branding.wordingHint')}</p>
      <TextField label={t('proposalForm.scope')} value={value.scope} onChange={(scope) => onChange({ ...value, scope })} multiline />
      <TextField label={t('proposalForm.assumptions')} value={value.assumptions} onChange={(assumptions) => onChange({ ...value, assumptions })} multiline />
      <TextField label={t('proposalForm.exclusions')} value={value.exclusions} onChange={(exclusions) => onChange({ ...value, exclusions })} multiline />
      <TextField label={t('proposalForm.paymentTerms')} value={value.paymentTerms} onChange={(paymentTerms) => onChange({ ...value, paymentTerms })} multiline />
    </fieldset>
  );
};

const ColorField = ({ label, pickerLabel, value, onChange }: { label: string; pickerLabel: string; value: string; onChange: (v: string) => void }) => (
  <div className="field branding-color">
    <label>
      {label}
      <span className="branding-color-inputs">
        <input type="color" value={/^#[0-9a-f]{6}$/i.test(value) ? value : '#000000'} onChange={(e) => onChange(e.target.value)} aria-label={pickerLabel} />
        <input className="input" value={value} onChange={(e) => onChange(e.target.value)} maxLength={7} />
      </span>
    </label>
  </div>
);

/** The cover of a report, drawn with the report's own components from the unsaved form. */
const LivePreview = ({ draft, logoDataUri }: { draft: Draft; logoDataUri: string }) => {
  const { t, locale } = useText();
  // The cover's own labels ("Prepared by", the date) in the app's language, like the sample texts on it.
  const translator = useMemo(() => createTranslator(locale), [locale]);
  const customer = t('branding.preview.customer');
  const branding: BrandingProfile = { ...defaultBranding, ...draft, id: draft.id ?? 'draft', name: draft.name, partnerName: draft.partnerName || t('branding.partnerName'), logoDataUri };
  const style = { '--gw-primary': branding.primaryColor, '--gw-accent': branding.accentColor, '--gw-font': fontStacks[branding.font] } as CSSProperties;
  return (
    <div className="branding-preview" role="region" aria-label={t('branding.preview')} tabIndex={0}>
      <div className="gw-report" style={style}>
        <ReportTextProvider translator={translator}>
          <CoverPage
            branding={branding}
            cover={{
              title: t('report.kind.executive'),
              subtitle: t('report.defaultSubtitle'),
              partnerName: branding.partnerName,
              customerName: customer,
              customerShortName: customer,
              customerLogoDataUri: '',
              siteName: t('branding.preview.site'),
              siteAddress: '',
              engineer: t('branding.preview.engineer'),
              date: new Date().toISOString().slice(0, 10),
            }}
          />
        </ReportTextProvider>
      </div>
    </div>
  );
};

const LogoUpload = ({ profile }: { profile: BrandingProfile }) => {
  const setLogo = useSetLogo();
  const [problem, setProblem] = useState('');
  const { t, rich, number } = useText();
  const onFile = async (file: File | undefined) => {
    setProblem('');
    setLogo.reset();
    if (!file) return;
    if (file.size > maxLogoBytes) return setProblem(t('branding.logoTooLarge', { file: file.name, size: number(file.size / 1024 / 1024, 1) }));
    const mime = file.type === 'image/svg+xml' || file.name.toLowerCase().endsWith('.svg') ? 'image/svg+xml' : file.type === 'image/png' ? 'image/png' : null;
    if (!mime) return setProblem(t('reports.logoType'));
    setLogo.mutate({ profileId: profile.id, mime, base64: await fileToBase64(file) });
  };
  return (
    <fieldset className="form-section">
      <legend>{t('branding.logo')}</legend>
      <p className="field-hint">{t('branding.logoHint')}</p>
      <input type="file" accept="image/png,image/svg+xml,.svg,.png" aria-label={t('branding.logoFile')} onChange={(e) => void onFile(e.target.files?.[0])} disabled={setLogo.isPending} />
      {profile.logoDataUri ? (
        <button type="button" className="button button-quiet" onClick={() => setLogo.mutate({ profileId: profile.id, clear: true })}>
          {t('branding.removeLogo')}
        </button>
      ) : null}
      {problem ? <p className="field-error">{problem}</p> : null}
      {setLogo.data && setLogo.data.removed.length > 0 ? <p className="field-hint">{rich('reports.svgRemoved', { items: <code>{setLogo.data.removed.join(', ')}</code> })}</p> : null}
      {setLogo.error ? <ErrorState error={setLogo.error} /> : null}
    </fieldset>
  );
};

const ProfileEditor = ({ initial, saved, onDone, onSaved }: { initial: Draft; saved: BrandingProfile | null; onDone: () => void; onSaved: (id: string) => void }) => {
  const [draft, setDraft] = useState(initial);
  const save = useSaveBranding();
  const remove = useDeleteBranding();
  const warnings = useMemo(() => checkBrandingContrast(draft.primaryColor, draft.accentColor), [draft.primaryColor, draft.accentColor]);
  const set = <K extends keyof Draft>(key: K) => (value: Draft[K]) => setDraft({ ...draft, [key]: value });
  const { t, number } = useText();
  return (
    <div className="branding-editor">
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(draft, {
            onSuccess: (r) => {
              setDraft(toDraft(r.profile));
              onSaved(r.profile.id);
            },
          });
        }}
      >
        <fieldset className="form-section">
          <legend>{t(draft.id ? 'branding.edit' : 'branding.new')}</legend>
          <div className="form-row">
            <TextField label={t('branding.profileName')} value={draft.name} onChange={set('name')} required />
            <TextField label={t('branding.partnerName')} value={draft.partnerName} onChange={set('partnerName')} required />
          </div>
          <div className="form-row">
            <ColorField label={t('branding.primary')} pickerLabel={t('branding.primaryPicker')} value={draft.primaryColor} onChange={set('primaryColor')} />
            <ColorField label={t('branding.accent')} pickerLabel={t('branding.accentPicker')} value={draft.accentColor} onChange={set('accentColor')} />
            <div className="field">
              <label>
                {t('branding.font')}
                <select className="input" value={draft.font} onChange={(e) => set('font')(e.target.value as ReportFont)}>
                  {reportFonts.map((f) => (
                    <option key={f}>{f}</option>
                  ))}
                </select>
              </label>
            </div>
          </div>
          {warnings.map((w) => (
            <div key={w.field} className="branding-warning" role="status">
              <span>{t('branding.contrast', { field: w.field, color: draft[w.field], ratio: number(w.ratio, 2), needed: number(wcagAaText, 1) })}</span>
              <button type="button" className="button" onClick={() => set(w.field)(w.suggestion)}>
                <span className="branding-swatch" style={{ background: w.suggestion }} aria-hidden="true" /> {t('branding.use', { color: w.suggestion })}
              </button>
            </div>
          ))}
          <TextField label={t('branding.contact')} value={draft.contact} onChange={set('contact')} multiline />
          <TextField label={t('branding.footer')} value={draft.footer} onChange={set('footer')} />
          <TextField label={t('branding.disclaimer')} value={draft.disclaimer} onChange={set('disclaimer')} multiline />
          <div className="field field-checkbox">
            <label>
              <input type="checkbox" checked={draft.isDefault} onChange={(e) => set('isDefault')(e.target.checked)} /> {t('branding.isDefault')}
            </label>
          </div>
          <ProposalWording value={draft.proposalText} onChange={set('proposalText')} />
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={save.isPending}>
              {t(save.isPending ? 'common.saving' : 'branding.save')}
            </button>
            {draft.id ? (
              <button type="button" className="button button-quiet" disabled={remove.isPending} onClick={() => remove.mutate(draft.id!, { onSuccess: onDone })}>
                {t('branding.delete')}
              </button>
            ) : null}
          </div>
          {(save.error ?? remove.error) ? <ErrorState error={save.error ?? remove.error} /> : null}
        </fieldset>
      </form>
      {saved ? <LogoUpload profile={saved} /> : <p className="field-hint">{t('branding.saveFirst')}</p>}
      <LivePreview draft={draft} logoDataUri={saved?.logoDataUri ?? ''} />
    </div>
  );
};

/** Settings → Branding: the partner's report profiles, with a live cover preview and contrast checks. */
export const BrandingSettings = () => {
  useReportStylesheet();
  const profiles = useBrandingProfiles();
  const [selected, setSelected] = useState<string | 'new' | null>(null);
  const { t } = useText();
  return (
    <section className="card branding-settings" aria-labelledby="branding-title">
      <h2 id="branding-title">{t('branding.title')}</h2>
      <QueryView query={profiles}>
        {(list) => {
          const current = list.find((p) => p.id === selected) ?? null;
          return (
            <div className="branding-layout">
              <nav aria-label={t('branding.profiles')} className="branding-list">
                <ul>
                  {list.map((p) => (
                    <li key={p.id}>
                      <button type="button" className={p.id === selected ? 'button button-secondary' : 'button button-quiet'} onClick={() => setSelected(p.id)}>
                        <span className="branding-swatch" style={{ background: p.primaryColor }} aria-hidden="true" /> {p.name}
                        {p.isDefault ? (
                          <>
                            {' '}
                            <span className="muted">{t('branding.default')}</span>
                          </>
                        ) : null}
                      </button>
                    </li>
                  ))}
                </ul>
                <button type="button" className="button" onClick={() => setSelected('new')}>
                  {t('branding.new')}
                </button>
              </nav>
              {selected === 'new' ? (
                <ProfileEditor key="new" initial={blank} saved={null} onDone={() => setSelected(null)} onSaved={setSelected} />
              ) : current ? (
                <ProfileEditor key={current.id} initial={toDraft(current)} saved={current} onDone={() => setSelected(null)} onSaved={setSelected} />
              ) : (
                <p className="muted">{t(list.length === 0 ? 'branding.noProfile' : 'branding.choose')}</p>
              )}
            </div>
          );
        }}
      </QueryView>
    </section>
  );
};
