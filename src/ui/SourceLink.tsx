import { useT } from './i18n-context';

/** A link to a source, named by its site so a list of sources stays readable and distinguishable. */
export function SourceLink({ url }: { url: string }) {
  const t = useT();
  let host = url;
  try {
    host = new URL(url).host.replace(/^www\./, '');
  } catch {
    return null;
  }
  return (
    <a class="source" href={url} target="_blank" rel="noopener noreferrer" aria-label={t('popup_source_named', [host])}>
      {host}
    </a>
  );
}
