import { taskLight, type TaskFacts } from './task-light';

const day = '2025-10-10';
const task = (over: Partial<TaskFacts> = {}): TaskFacts => ({
  done: false,
  deadline: '2025-11-30',
  metricLight: null,
  problems: [],
  ...over,
});

describe('挂图作战 task light', () => {
  it('is green on schedule with no overdue problem and no linked metric behind', () => {
    expect(taskLight(task(), day)).toBe('green');
    expect(taskLight(task({ metricLight: 'green', problems: [{ status: 'open', dueDay: day }] }), day)).toBe(
      'green',
    );
  });

  it('is yellow when a problem is past its due date, or the linked metric is yellow', () => {
    expect(taskLight(task({ problems: [{ status: 'in_progress', dueDay: '2025-10-09' }] }), day)).toBe(
      'yellow',
    );
    expect(taskLight(task({ metricLight: 'yellow' }), day)).toBe('yellow');
    // A problem closed off late no longer holds the task back.
    expect(taskLight(task({ problems: [{ status: 'closed', dueDay: '2025-10-01' }] }), day)).toBe('green');
  });

  it('is red past its deadline (the deadline day itself still counts) or when the linked metric is red', () => {
    expect(taskLight(task({ deadline: day }), day)).toBe('green');
    expect(taskLight(task({ deadline: '2025-10-09' }), day)).toBe('red');
    expect(
      taskLight(task({ metricLight: 'red', problems: [{ status: 'open', dueDay: '2025-10-01' }] }), day),
    ).toBe('red');
  });

  it('is done once a supervisor marks it done, whatever else holds', () => {
    expect(taskLight(task({ done: true, deadline: '2025-10-01', metricLight: 'red' }), day)).toBe('done');
  });
});
