/** Ends the session on the server, forgets every cached answer and returns to the login page. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { setCsrfToken } from '../../api/client.ts';
import { auth } from '../../api/endpoints.ts';

export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: auth.logout,
    // Leave even if the server could not be told: the user asked to go.
    onSettled: async () => {
      setCsrfToken(null);
      await navigate('/login', { replace: true });
      queryClient.clear();
    },
  });
}
