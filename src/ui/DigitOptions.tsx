/** The options 0-9 of a select that picks a digit, without `skip` (e.g. the digit a confusion starts from). */
export default function DigitOptions({ skip }: { skip?: number }) {
  return (
    <>
      {Array.from({ length: 10 }, (_, d) =>
        d === skip ? null : (
          <option key={d} value={d}>
            {d}
          </option>
        ),
      )}
    </>
  );
}
