/**
 * A code to type (the join code, a personal code) in large letters, which screen readers spell
 * letter by letter. The spelling is the name of an element that may carry one (an image of the
 * code): on a plain paragraph `aria-label` is ignored, and "JTEAGX" was read as a word.
 */
export function SpelledCode({ code, className, testId }: { code: string; className: string; testId?: string }) {
  return (
    <p className={className} data-testid={testId}>
      <span role="img" aria-label={code.split('').join(' ')}>
        {code}
      </span>
    </p>
  )
}
