/** Just enough Markdown for the reference's prose: paragraphs, `- ` lists, `code`, **bold** and *emphasis*. Everything is escaped first. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function inline(s: string): string {
  return escapeHtml(s)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/\*([^*\s][^*]*)\*/g, '<em>$1</em>');
}

export function markdown(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((block) => {
      const lines = block.split('\n');
      const items = lines.filter((l) => l.startsWith('- '));
      if (items.length === 0) return `<p>${inline(block)}</p>`;
      const lead = lines.filter((l) => !l.startsWith('- ')).join(' ');
      return `${lead ? `<p>${inline(lead)}</p>` : ''}<ul>${items.map((l) => `<li>${inline(l.slice(2))}</li>`).join('')}</ul>`;
    })
    .join('\n');
}
