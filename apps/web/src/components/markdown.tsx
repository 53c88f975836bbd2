import ReactMarkdown from 'react-markdown';

/**
 * Renders proposal and minutes Markdown. react-markdown ignores raw HTML by default (no
 * rehype-raw here, ever), and links open as plain links without script URLs.
 */
export function Markdown({ children }: { children: string }) {
  return (
    <div className="markdown">
      <ReactMarkdown
        skipHtml
        components={{
          a: ({ href, children: text }) => (
            <a href={href} rel="noopener noreferrer nofollow" target="_blank">
              {text}
            </a>
          ),
        }}
      >
        {children}
      </ReactMarkdown>
    </div>
  );
}
