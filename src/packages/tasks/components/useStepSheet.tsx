/** The step form a list of problems opens: one at a time, closed when done or cancelled. */
import { useState } from 'react';
import type { Problem } from '../../../../core/contract';
import type { ProblemStep } from '../lib/people';
import StepForm from './StepForm';

export function useStepSheet(onDone: (problem: Problem) => void) {
  const [open, setOpen] = useState<{ problem: Problem; step: ProblemStep } | null>(null);
  const sheet = open && (
    <StepForm
      key={`${open.problem.id}|${open.step.to}`}
      problem={open.problem}
      step={open.step}
      onCancel={() => setOpen(null)}
      onDone={(p) => {
        setOpen(null);
        onDone(p);
      }}
    />
  );
  return { sheet, openStep: (problem: Problem, step: ProblemStep) => setOpen({ problem, step }) };
}
